// The SQL store's schema, as numbered migrations: each is applied once, in order, in a transaction
// (database.ts). Append new ones at the end; never edit one that has shipped.

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE kitchens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     district TEXT NOT NULL,
     address TEXT NOT NULL DEFAULT '',
     site_type TEXT NOT NULL DEFAULT '助餐服务中心',
     timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
     profile TEXT NOT NULL DEFAULT 'CN-GB31654'
   );
   CREATE TABLE devices (
     kitchen_id TEXT NOT NULL REFERENCES kitchens(id),
     device_id TEXT NOT NULL,
     gateway_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     probe TEXT NOT NULL DEFAULT 'air',
     report_interval_s INTEGER NOT NULL DEFAULT 60,
     defrost_interval_min INTEGER,
     defrost_max_min INTEGER,
     PRIMARY KEY (kitchen_id, device_id)
   );
   CREATE TABLE alerts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     device_id TEXT NOT NULL,
     rule_id TEXT NOT NULL,
     severity TEXT NOT NULL,
     profile TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'active',
     message TEXT NOT NULL,
     first_out_at INTEGER NOT NULL,
     raised_at INTEGER NOT NULL,
     peak_value REAL,
     minutes_out REAL NOT NULL DEFAULT 0,
     cleared_at INTEGER,
     acknowledged_at INTEGER,
     acknowledged_by TEXT,
     resolved_at INTEGER,
     closed_at INTEGER
   );
   CREATE UNIQUE INDEX alerts_one_open ON alerts (kitchen_id, device_id, rule_id) WHERE status <> 'closed';
   CREATE INDEX alerts_by_kitchen ON alerts (kitchen_id, raised_at);
   CREATE TABLE rule_state (
     kitchen_id TEXT NOT NULL,
     device_id TEXT NOT NULL,
     state TEXT NOT NULL,
     PRIMARY KEY (kitchen_id, device_id)
   );`,
  // One live alert per unit and rule: not closed and not yet cleared by the data. An
  // alert cleared by the data but not yet closed by a person stays open for its
  // paperwork, and a new excursion gets an alert of its own.
  `DROP INDEX alerts_one_open;
   CREATE UNIQUE INDEX alerts_one_live ON alerts (kitchen_id, device_id, rule_id) WHERE status <> 'closed' AND cleared_at IS NULL;`,
  // Each gateway's last reported state: its retained status, or the broker's last will.
  `CREATE TABLE gateways (
     kitchen_id TEXT NOT NULL,
     gateway_id TEXT NOT NULL,
     state TEXT NOT NULL,
     since INTEGER NOT NULL,
     firmware TEXT,
     outbox_depth INTEGER,
     PRIMARY KEY (kitchen_id, gateway_id)
   );`,
  // Food samples (rule book section 4): each kitchen's meal times, each service's menu,
  // and the sample ledger. A sample event re-sent by a gateway (same device and seq)
  // is recorded once.
  `CREATE TABLE meal_times (
     kitchen_id TEXT NOT NULL,
     meal TEXT NOT NULL,
     starts TEXT NOT NULL,
     ends TEXT NOT NULL,
     PRIMARY KEY (kitchen_id, meal)
   );
   CREATE TABLE menus (
     kitchen_id TEXT NOT NULL,
     service_date TEXT NOT NULL,
     meal TEXT NOT NULL,
     dishes TEXT NOT NULL,
     PRIMARY KEY (kitchen_id, service_date, meal)
   );
   CREATE TABLE samples (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     service_date TEXT NOT NULL,
     meal TEXT NOT NULL,
     dish TEXT NOT NULL,
     net_weight_g REAL NOT NULL,
     scale_serial TEXT NOT NULL,
     cabinet TEXT NOT NULL,
     slot INTEGER NOT NULL,
     placed_at INTEGER NOT NULL,
     placed_by TEXT NOT NULL,
     photo_ref TEXT,
     removed_at INTEGER,
     removed_by TEXT,
     sealed_at INTEGER,
     sealed_by TEXT,
     disposed_at INTEGER,
     disposed_by TEXT,
     source TEXT UNIQUE
   );
   CREATE INDEX samples_by_service ON samples (kitchen_id, service_date, meal);
   CREATE INDEX samples_on_slot ON samples (kitchen_id, cabinet, slot) WHERE removed_at IS NULL;`,
  // Bright kitchen (rule book section 5): each camera as its gateway last reported it, its
  // online/offline transitions (uptime and restart-safe FS-CAM-OFFLINE timing), the AI
  // events (one row per de-duplicated group) with the edge box's ids of the detections
  // they hold (a re-sent detection is recorded once), and JPEG snapshots by SHA-256.
  `CREATE TABLE cameras (
     kitchen_id TEXT NOT NULL,
     camera_id TEXT NOT NULL,
     gateway_id TEXT NOT NULL,
     name TEXT NOT NULL,
     area TEXT NOT NULL,
     online INTEGER NOT NULL,
     since INTEGER NOT NULL,
     fps REAL,
     bitrate_kbps REAL,
     recorder_days REAL,
     streaming INTEGER NOT NULL DEFAULT 0,
     last_seen_at INTEGER,
     retention_short_since INTEGER,
     PRIMARY KEY (kitchen_id, camera_id)
   );
   CREATE TABLE camera_transitions (
     kitchen_id TEXT NOT NULL,
     camera_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     online INTEGER NOT NULL
   );
   CREATE INDEX camera_transitions_by_camera ON camera_transitions (kitchen_id, camera_id, at);
   CREATE TABLE snapshots (
     sha256 TEXT PRIMARY KEY,
     mime TEXT NOT NULL,
     bytes BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE ai_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     camera_id TEXT NOT NULL,
     category TEXT NOT NULL,
     confidence REAL NOT NULL,
     detected_at INTEGER NOT NULL,
     last_detected_at INTEGER NOT NULL,
     detections INTEGER NOT NULL DEFAULT 1,
     snapshot_sha256 TEXT REFERENCES snapshots(sha256),
     review TEXT NOT NULL DEFAULT 'pending',
     reviewed_by TEXT,
     reviewed_at INTEGER,
     review_note TEXT,
     alert_id INTEGER
   );
   CREATE INDEX ai_events_by_group ON ai_events (kitchen_id, camera_id, category, last_detected_at);
   CREATE INDEX ai_events_by_kitchen ON ai_events (kitchen_id, detected_at);
   CREATE TABLE ai_edge_events (
     kitchen_id TEXT NOT NULL,
     edge_id TEXT NOT NULL,
     ai_event_id INTEGER NOT NULL REFERENCES ai_events(id),
     camera_id TEXT NOT NULL,
     category TEXT NOT NULL,
     detected_at INTEGER NOT NULL,
     PRIMARY KEY (kitchen_id, edge_id)
   );`,
  // Accounts and scope (rule book section 1): the jurisdiction tree, the kitchens in each
  // jurisdiction (a kitchen sits in several authorities' at once), users and their
  // jurisdictions, and login sessions, of which only the token's SHA-256 is stored.
  // Usernames are unique case-insensitively: "Wang" and "wang" must not be two people.
  `CREATE TABLE jurisdictions (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     level TEXT NOT NULL,
     parent_id TEXT REFERENCES jurisdictions(id),
     video_retention_days INTEGER
   );
   CREATE TABLE kitchen_jurisdictions (
     kitchen_id TEXT NOT NULL,
     jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id),
     PRIMARY KEY (kitchen_id, jurisdiction_id)
   );
   CREATE TABLE users (
     id INTEGER PRIMARY KEY,
     username TEXT NOT NULL UNIQUE COLLATE NOCASE,
     display_name TEXT NOT NULL,
     role TEXT NOT NULL,
     kitchen_id TEXT,
     password_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     disabled_at INTEGER
   );
   CREATE TABLE user_jurisdictions (
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id),
     PRIMARY KEY (user_id, jurisdiction_id)
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_by_user ON sessions (user_id);
   CREATE INDEX sessions_by_expiry ON sessions (expires_at);`,
  // The corrective-action record (rule book section 6): who resolved the alert, the cause, what
  // was done and what became of the food (JSON), and who verified and closed it. And the audit
  // log: append-only, hash-chained (server/domain/audit/chain.ts). The triggers make the
  // database itself refuse to change or remove an entry, whatever code runs against it.
  `ALTER TABLE alerts ADD COLUMN resolved_by TEXT;
   ALTER TABLE alerts ADD COLUMN cause TEXT;
   ALTER TABLE alerts ADD COLUMN corrective_action TEXT;
   ALTER TABLE alerts ADD COLUMN disposition TEXT;
   ALTER TABLE alerts ADD COLUMN closed_by TEXT;
   CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     role TEXT,
     action TEXT NOT NULL,
     subject TEXT NOT NULL,
     kitchen_id TEXT,
     data TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX audit_by_subject ON audit_log (subject, seq);
   CREATE INDEX audit_by_kitchen ON audit_log (kitchen_id, seq);
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
  // The registry (rule book sections 3 and 8): the site's sign and licence, where it is, its risk
  // grade, the inspections recorded (the newest stays posted), its staff with their health
  // certificates, and its units' calibrations and field checks (FS-CAL-DUE). Dates are site-local.
  `ALTER TABLE kitchens ADD COLUMN site_number TEXT;
   ALTER TABLE kitchens ADD COLUMN lat REAL;
   ALTER TABLE kitchens ADD COLUMN lng REAL;
   ALTER TABLE kitchens ADD COLUMN licence_number TEXT;
   ALTER TABLE kitchens ADD COLUMN licence_expires_on TEXT;
   ALTER TABLE kitchens ADD COLUMN risk_grade TEXT;
   CREATE TABLE inspections (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     date TEXT NOT NULL,
     result TEXT NOT NULL,
     note TEXT NOT NULL DEFAULT '',
     inspector TEXT NOT NULL,
     recorded_at INTEGER NOT NULL
   );
   CREATE INDEX inspections_by_kitchen ON inspections (kitchen_id, date);
   CREATE TABLE staff (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     name TEXT NOT NULL,
     position TEXT NOT NULL,
     health_cert_number TEXT,
     health_cert_expires_on TEXT,
     active INTEGER NOT NULL DEFAULT 1
   );
   CREATE INDEX staff_by_kitchen ON staff (kitchen_id);
   CREATE TABLE calibrations (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     device_id TEXT NOT NULL,
     date TEXT NOT NULL,
     kind TEXT NOT NULL,
     reference_c REAL NOT NULL,
     reading_c REAL NOT NULL,
     certificate TEXT,
     by TEXT NOT NULL,
     recorded_at INTEGER NOT NULL
   );
   CREATE INDEX calibrations_by_unit ON calibrations (kitchen_id, device_id, date);`,
  // Escalation and notifications (rule book section 6): how far an alert has been escalated, each
  // site's channels (its escalation chain), and one row per notification of an alert step to a
  // channel, with its attempts, so retries survive a restart and every delivery has a record.
  `ALTER TABLE alerts ADD COLUMN escalated_to TEXT;
   ALTER TABLE alerts ADD COLUMN escalated_at INTEGER;
   CREATE TABLE channels (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     target TEXT NOT NULL,
     secret TEXT,
     steps TEXT NOT NULL,
     min_severity TEXT NOT NULL DEFAULT 'warning',
     quiet_from TEXT,
     quiet_to TEXT,
     enabled INTEGER NOT NULL DEFAULT 1,
     deleted_at INTEGER
   );
   CREATE INDEX channels_by_kitchen ON channels (kitchen_id);
   CREATE TABLE deliveries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kitchen_id TEXT NOT NULL,
     channel_id INTEGER NOT NULL REFERENCES channels(id),
     alert_id INTEGER NOT NULL,
     step TEXT NOT NULL,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     last_attempt_at INTEGER,
     next_attempt_at INTEGER,
     sent_at INTEGER,
     last_error TEXT
   );
   CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
   CREATE INDEX deliveries_by_kitchen ON deliveries (kitchen_id, id);
   CREATE INDEX deliveries_by_alert ON deliveries (alert_id);`,
  // The escalation clocks (rule book section 6, decision 0011): the board's 4 h and day end run
  // from the alert's first raise, which a re-alarm never moves (raised_at it does); the ack clock
  // starts no earlier than when the server stored the raise, so an alert that arrives late from
  // a gateway's backlog still gives the kitchen its 15 min. Older rows know no better than raised_at.
  `ALTER TABLE alerts ADD COLUMN first_raised_at INTEGER;
   ALTER TABLE alerts ADD COLUMN stored_at INTEGER;
   UPDATE alerts SET first_raised_at = raised_at, stored_at = raised_at;`,
];
