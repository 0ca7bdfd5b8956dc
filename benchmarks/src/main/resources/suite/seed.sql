-- The scale data set of the performance suite, written with set-based SQL into a database the
-- portal has just migrated: 1,000 teams, 5,000 people, 10,000 services with tags, links,
-- dependencies and 14 facts each, 1,000,000 releases (100 per service) and 300 live exceptions.
-- ScaleDataSet runs it statement by statement (a statement ends with a semicolon at the end of a
-- line) and adds the three scorecards itself. Values come from md5 of the row's number, so every
-- seed writes the same data.

-- step: helpers (session-local)
CREATE FUNCTION pg_temp.frac(h text, k int) RETURNS double precision LANGUAGE sql IMMUTABLE
    AS 'SELECT (''x'' || substr(h, 4 * k + 1, 4))::bit(16)::int / 65536.0';

CREATE FUNCTION pg_temp.pad(n int, width int) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT lpad(n::text, width, ''0'')';

-- step: teams (20 departments, 980 teams under them)
INSERT INTO teams (id, name, name_key, display_name, email, chat_channel, description, parent_id, created_at, updated_at)
SELECT g, 'team-' || pg_temp.pad(g, 4), 'team-' || pg_temp.pad(g, 4), 'Team ' || g,
       'team-' || pg_temp.pad(g, 4) || '@example.com',
       CASE WHEN g % 10 <> 0 THEN '#team-' || pg_temp.pad(g, 4) END,
       'Generated team ' || g, CASE WHEN g > 20 THEN 1 + g % 20 END, now(), now()
FROM generate_series(1, 1000) g;

-- step: people, five members per team
INSERT INTO people (id, name, name_key, display_name, email, chat, created_at, updated_at)
SELECT g, 'person.' || pg_temp.pad(g, 5), 'person.' || pg_temp.pad(g, 5), 'Person ' || g,
       'person.' || pg_temp.pad(g, 5) || '@example.com', '@person' || g, now(), now()
FROM generate_series(1, 5000) g;

INSERT INTO team_members (team_id, person_id)
SELECT 1 + g % 1000, g FROM generate_series(1, 5000) g;

-- step: services: 90 % owned by a team, 5 % by a person, 3 % by a team that does not exist, 2 % unowned
INSERT INTO services (id, name, name_key, title, description, owner_team_id, owner_person_id, owner_reference,
                      tier, lifecycle, system, created_at, updated_at)
SELECT g, 'svc-' || pg_temp.pad(g, 5), 'svc-' || pg_temp.pad(g, 5),
       initcap(d.domain) || ' ' || d.part || ' ' || g,
       'Handles ' || d.part || ' for the ' || d.domain || ' domain: generated service ' || g
           || ' of the performance suite.',
       CASE WHEN g % 100 < 90 THEN 1 + g % 1000 END,
       CASE WHEN g % 100 BETWEEN 90 AND 94 THEN 1 + g % 5000 END,
       CASE WHEN g % 100 BETWEEN 95 AND 97 THEN 'group:default/retired-team-' || g % 50 END,
       CASE WHEN g % 100 = 99 THEN NULL ELSE 1 + (g * 7) % 4 END,
       CASE WHEN g % 10 < 7 THEN 'production' WHEN g % 10 < 9 THEN 'experimental' ELSE 'deprecated' END,
       'system-' || pg_temp.pad(g % 200, 3), now() - (g % 700) * interval '1 day', now() - (g % 30) * interval '1 day'
FROM generate_series(1, 10000) g,
     LATERAL (SELECT (ARRAY['payments', 'ledger', 'checkout', 'search', 'catalog', 'identity', 'billing',
                            'shipping', 'inventory', 'pricing', 'notifications', 'analytics', 'recommendations',
                            'fraud', 'onboarding', 'reporting', 'gateway', 'accounts', 'orders', 'messaging'])[1 + g % 20]
                     AS domain,
                     (ARRAY['api', 'worker', 'gateway', 'store', 'scheduler', 'importer', 'exporter', 'indexer',
                            'cache', 'adapter', 'console', 'stream', 'reconciler', 'validator', 'router', 'monitor',
                            'engine'])[1 + g % 17] AS part) d;

-- step: tags (two or three per service)
INSERT INTO service_tags (service_id, tag)
SELECT DISTINCT g, t.tag
FROM generate_series(1, 10000) g,
     LATERAL (VALUES ((ARRAY['java', 'go', 'python', 'kotlin', 'rust'])[1 + g % 5]),
                     ((ARRAY['payments', 'search', 'edge', 'batch', 'ml', 'internal', 'public-api'])[1 + g % 7]),
                     (CASE WHEN g % 3 = 0 THEN (ARRAY['kafka', 'postgres', 'redis', 'grpc'])[1 + g % 4] END)) t(tag)
WHERE t.tag IS NOT NULL;

-- step: links (repository, runbook, on-call, dashboard, docs, chat, each present for some services;
-- positions are consecutive, as the catalog keeps them)
INSERT INTO service_links (service_id, position, type, url, title)
SELECT g, row_number() OVER (PARTITION BY g ORDER BY l.k) - 1, l.type,
       'https://' || l.type || '.example.com/svc-' || pg_temp.pad(g, 5), initcap(l.type)
FROM generate_series(1, 10000) g, LATERAL (SELECT md5('links' || g) AS h) r,
     LATERAL (VALUES (0, 'repo', 0.97), (1, 'runbook', 0.80), (2, 'oncall', 0.85), (3, 'dashboard', 0.60),
                     (4, 'docs', 0.50), (5, 'chat', 0.30)) l(k, type, probability)
WHERE pg_temp.frac(r.h, l.k) < l.probability;

-- step: dependencies (two per service)
INSERT INTO service_dependencies (service_id, depends_on_id)
SELECT DISTINCT g, d
FROM generate_series(1, 10000) g, LATERAL (VALUES (1 + g % 10000), (1 + (g * 7 + 3) % 10000)) t(d)
WHERE d <> g;

-- step: facts (14 per service, the names the three scorecards read; coverage missing for 3 %)
INSERT INTO service_facts (service_id, name, value, reported_at, reported_by)
SELECT g, f.name, f.value, now() - pg_temp.frac(r.h, 7) * interval '7 days', 'ci-bot'
FROM generate_series(1, 10000) g, LATERAL (SELECT md5('facts' || g) AS h, md5('more facts' || g) AS i) r,
     LATERAL (VALUES
         ('coverage', CASE WHEN g % 33 <> 0 THEN to_jsonb(round((40 + pg_temp.frac(r.h, 0) * 60)::numeric, 1)) END),
         ('criticalVulnerabilities', to_jsonb(CASE WHEN pg_temp.frac(r.h, 1) < 0.88 THEN 0 ELSE 1 + g % 3 END)),
         ('highVulnerabilities', to_jsonb(floor(pg_temp.frac(r.h, 2) * 6)::int)),
         ('sloDefined', to_jsonb(pg_temp.frac(r.h, 3) < 0.7)),
         ('lastDeployedAt', to_jsonb(to_char((now() - pg_temp.frac(r.h, 4) * interval '90 days') AT TIME ZONE 'UTC',
                                             'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
         ('criticalVulns', to_jsonb(CASE WHEN pg_temp.frac(r.h, 1) < 0.88 THEN 0 ELSE 1 + g % 3 END)),
         ('highVulns', to_jsonb(floor(pg_temp.frac(r.h, 5) * 9)::int)),
         ('lastDeployDays', to_jsonb(floor(pg_temp.frac(r.h, 4) * 200)::int)),
         ('openIncidents', to_jsonb(floor(pg_temp.frac(r.h, 6) * 7)::int)),
         ('mttrMinutes', to_jsonb(floor(pg_temp.frac(r.i, 0) * 120)::int)),
         ('buildSuccessRate', to_jsonb(round((0.85 + pg_temp.frac(r.i, 1) * 0.15)::numeric, 3))),
         ('hasReadme', to_jsonb(pg_temp.frac(r.i, 2) < 0.9)),
         ('branchProtection', to_jsonb(pg_temp.frac(r.i, 3) < 0.8)),
         ('dependencyAgeDays', to_jsonb(floor(pg_temp.frac(r.i, 4) * 700)::int))) f(name, value)
WHERE f.value IS NOT NULL;

-- step: releases (100 per service, versions 1.0.0 to 1.9.9, one every three days, the newest today)
INSERT INTO releases (id, service_key, version, commit_sha, environment, facts, created_by, created_at, updated_at)
SELECT (s - 1) * 100 + k + 1, 'svc-' || pg_temp.pad(s, 5), '1.' || k / 10 || '.' || k % 10,
       substr(r.h || md5(r.h), 1, 40), CASE WHEN pg_temp.frac(r.h, 0) < 0.8 THEN 'production' ELSE 'staging' END,
       jsonb_build_object(
           'testsPassed', pg_temp.frac(r.h, 1) < 0.92,
           'coverage', round((60 + pg_temp.frac(r.h, 2) * 40)::numeric, 1),
           'criticalVulnerabilities', CASE WHEN pg_temp.frac(r.h, 3) < 0.93 THEN 0 ELSE 1 END,
           'criticalVulns', CASE WHEN pg_temp.frac(r.h, 3) < 0.93 THEN 0 ELSE 1 END,
           'changeTicket', CASE WHEN pg_temp.frac(r.h, 4) < 0.85 THEN 'CHG-' || (1000 + s + k) ELSE '' END,
           'approvals', floor(pg_temp.frac(r.h, 5) * 4)::int,
           'signed', pg_temp.frac(r.h, 6) < 0.5),
       'ci-bot', now() - (99 - k) * interval '3 days' - pg_temp.frac(r.h, 7) * interval '1 day',
       now() - (99 - k) * interval '3 days'
FROM generate_series(1, 10000) s, generate_series(0, 99) k, LATERAL (SELECT md5(s || '@' || k) AS h) r;

-- step: live exceptions (300 approved waivers of production readiness rules)
INSERT INTO exceptions (service_name, service_key, scorecard_key, rule_key, reason, risk_assessment, follow_up, status,
                        requested_by, requested_at, expires_at, decided_by, decided_at)
SELECT 'svc-' || pg_temp.pad(g * 33, 5), 'svc-' || pg_temp.pad(g * 33, 5), 'production-readiness',
       (ARRAY['runbook-linked', 'oncall-linked', 'no-critical-vulnerabilities', 'coverage-80', 'slo-defined'])[1 + g % 5],
       'Generated by the performance suite', 'None: generated data', 'https://tickets.example/PERF-' || g, 'APPROVED',
       'person.' || pg_temp.pad(g, 5), now() - interval '1 day', now() + interval '29 days', 'sre', now() - interval '1 day'
FROM generate_series(1, 300) g;

-- step: sequences past the generated ids
SELECT setval('teams_seq', 100000), setval('people_seq', 100000), setval('services_seq', 100000),
       setval('releases_seq', 10000000);
