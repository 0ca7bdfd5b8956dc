/**
 * Exceptions (waivers): time-boxed, public acceptances of the risk of missing one scorecard rule on
 * one service, optionally narrowed to one release. Reached through
 * {@link dev.shipshape.waivers.WaiverManagement}; the aggregate, its history and the webhook outbox
 * stay inside. An exception applies only while approved and before its expiry, which is read from
 * the clock: nothing has to run for an exception to stop applying.
 */
package dev.shipshape.waivers;
