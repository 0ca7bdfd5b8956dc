/**
 * The service catalog: who owns what. Teams, people and services, reached through
 * {@link dev.shipshape.catalog.CatalogManagement}; entities and repositories stay inside.
 */
package dev.shipshape.catalog;
