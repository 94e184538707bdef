-- Generated from src/ccmtui/db/models.py by `python -m ccmtui.db.schema`; do not edit.

CREATE TABLE blobs (
	sha256 VARCHAR(64) NOT NULL, 
	content BLOB NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	UNIQUE (sha256)
);

CREATE TABLE changesets (
	made_at DATETIME NOT NULL, 
	made_by VARCHAR(100), 
	made_as VARCHAR(100), 
	made_in VARCHAR(36), 
	command VARCHAR(300) NOT NULL, 
	reverts VARCHAR(36), 
	reverted_by VARCHAR(36), 
	position BIGINT, 
	chain VARCHAR(64), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	FOREIGN KEY(reverts) REFERENCES changesets (uuid)
);

CREATE INDEX ix_changesets_made_in_at ON changesets (made_in, made_at);

CREATE INDEX ix_changesets_position ON changesets (position);

CREATE TABLE conflicts (
	table_name VARCHAR(40) NOT NULL, 
	record_uuid VARCHAR(36) NOT NULL, 
	kept VARCHAR(1) NOT NULL, 
	a_in VARCHAR(36), 
	a_label VARCHAR(300) NOT NULL, 
	a_version TEXT, 
	a_by VARCHAR(100), 
	a_login VARCHAR(63), 
	a_at DATETIME, 
	b_in VARCHAR(36), 
	b_label VARCHAR(300) NOT NULL, 
	b_version TEXT, 
	b_by VARCHAR(100), 
	b_login VARCHAR(63), 
	b_at DATETIME, 
	found_at DATETIME NOT NULL, 
	settled_by VARCHAR(36), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid)
);

CREATE INDEX ix_conflicts_record ON conflicts (table_name, record_uuid);

CREATE TABLE database_info (
	label VARCHAR(300) NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid)
);

CREATE TABLE engagements (
	occurred_on DATE NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	area VARCHAR(30) NOT NULL, 
	channel VARCHAR(20) NOT NULL, 
	summary VARCHAR(300) NOT NULL, 
	notes TEXT NOT NULL, 
	action_points VARCHAR(200) NOT NULL, 
	follow_up_on DATE, 
	recorded_by VARCHAR(100), 
	illustrative BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_engagements_kind CHECK (kind IN ('demarche', 'meeting', 'letter', 'note-verbale', 'call', 'email', 'workshop', 'statement', 'other')), 
	CONSTRAINT ck_engagements_area CHECK (area IN ('universalization', 'stockpile-destruction', 'clearance', 'victim-assistance', 'cooperation', 'transparency', 'national-implementation', 'compliance', 'implementation-support')), 
	CONSTRAINT ck_engagements_channel CHECK (channel IN ('capital', 'geneva', 'new-york', 'other')), 
	CONSTRAINT ck_engagements_summary CHECK (length(trim(summary)) > 0)
);

CREATE INDEX ix_engagements_area_occurred_on ON engagements (area, occurred_on);

CREATE INDEX ix_engagements_follow_up_on ON engagements (follow_up_on);

CREATE INDEX ix_engagements_kind_area_occurred_on ON engagements (kind, area, occurred_on, uuid);

CREATE INDEX ix_engagements_kind_occurred_on ON engagements (kind, occurred_on);

CREATE INDEX ix_engagements_occurred_on ON engagements (occurred_on);

CREATE TABLE frozen_reports (
	name VARCHAR(100) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	as_of DATE NOT NULL, 
	since DATE NOT NULL, 
	parameters TEXT NOT NULL, 
	figures TEXT NOT NULL, 
	content TEXT NOT NULL, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	UNIQUE (name)
);

CREATE TABLE meetings (
	code VARCHAR(10) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	city VARCHAR(60) NOT NULL, 
	country VARCHAR(60) NOT NULL, 
	start DATE NOT NULL, 
	"end" DATE NOT NULL, 
	president_state VARCHAR(100), 
	source TEXT, 
	notes TEXT, 
	kind VARCHAR(20) DEFAULT 'msp' NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_meetings_kind CHECK (kind IN ('msp', 'rc', 'intersessional', 'first-committee', 'regional', 'other')), 
	UNIQUE (code)
);

CREATE TABLE organisations (
	code VARCHAR(20) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	aliases VARCHAR(300) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	helps VARCHAR(200) NOT NULL, 
	source TEXT, 
	notes TEXT NOT NULL, 
	shipped BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	UNIQUE (code)
);

CREATE TABLE plan_actions (
	code VARCHAR(12) NOT NULL, 
	"plan" VARCHAR(3) NOT NULL, 
	number VARCHAR(8) NOT NULL, 
	area VARCHAR(30) NOT NULL, 
	title TEXT NOT NULL, 
	indicators TEXT NOT NULL, 
	source TEXT, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_plan_actions_plan CHECK (plan IN ('VAP', 'DAP', 'LAP')), 
	UNIQUE (code)
);

CREATE TABLE states (
	iso3 VARCHAR(3) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	region VARCHAR(40) NOT NULL, 
	subregion VARCHAR(60) NOT NULL, 
	intermediate_region VARCHAR(60), 
	signed DATE, 
	deposited DATE, 
	instrument VARCHAR(20), 
	withdrawal_notified DATE, 
	source TEXT, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_states_instrument CHECK (instrument IS NULL OR instrument IN ('ratification', 'accession', 'acceptance', 'approval')), 
	CONSTRAINT ck_states_deposit_instrument CHECK (deposited IS NULL OR instrument IS NOT NULL), 
	UNIQUE (iso3)
);

CREATE TABLE sync_peers (
	peer_uuid VARCHAR(36) NOT NULL, 
	peer_label VARCHAR(300) NOT NULL, 
	last_synced_at DATETIME NOT NULL, 
	taken_up_to BIGINT, 
	taken_chain VARCHAR(64), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	UNIQUE (peer_uuid)
);

CREATE TABLE work_plans (
	title VARCHAR(300) NOT NULL, 
	area VARCHAR(30) NOT NULL, 
	starts_on DATE NOT NULL, 
	ends_on DATE NOT NULL, 
	background TEXT NOT NULL, 
	strategy TEXT NOT NULL, 
	expected_outputs TEXT NOT NULL, 
	estimated_budget TEXT NOT NULL, 
	source TEXT NOT NULL, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_work_plans_area CHECK (area IN ('universalization', 'stockpile-destruction', 'clearance', 'victim-assistance', 'cooperation', 'transparency', 'national-implementation', 'compliance', 'implementation-support')), 
	CONSTRAINT ck_work_plans_period CHECK (ends_on >= starts_on), 
	CONSTRAINT ck_work_plans_title CHECK (length(trim(title)) > 0)
);

CREATE INDEX ix_work_plans_area_starts_on ON work_plans (area, starts_on);

CREATE TABLE attachments (
	engagement_uuid VARCHAR(36) NOT NULL, 
	filename VARCHAR(255) NOT NULL, 
	media_type VARCHAR(100) NOT NULL, 
	size INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid), 
	FOREIGN KEY(sha256) REFERENCES blobs (sha256)
);

CREATE INDEX ix_attachments_engagement ON attachments (engagement_uuid);

CREATE TABLE campaigns (
	title VARCHAR(200) NOT NULL, 
	engagement_uuid VARCHAR(36) NOT NULL, 
	selection VARCHAR(500) NOT NULL, 
	recorded_by VARCHAR(100), 
	follows_uuid VARCHAR(36), 
	occurred_on DATE, 
	area VARCHAR(30), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	UNIQUE (engagement_uuid), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid)
);

CREATE INDEX ix_campaigns_occurred_on_area ON campaigns (occurred_on, area);

CREATE TABLE changes (
	changeset_uuid VARCHAR(36) NOT NULL, 
	seq INTEGER NOT NULL, 
	table_name VARCHAR(40) NOT NULL, 
	record_uuid VARCHAR(36) NOT NULL, 
	action VARCHAR(6) NOT NULL, 
	"before" TEXT, 
	"after" TEXT, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	FOREIGN KEY(changeset_uuid) REFERENCES changesets (uuid)
);

CREATE INDEX ix_changes_action ON changes (action, table_name);

CREATE INDEX ix_changes_changeset ON changes (changeset_uuid, seq);

CREATE INDEX ix_changes_record ON changes (table_name, record_uuid);

CREATE TABLE classifications (
	iso3 VARCHAR(3) NOT NULL, 
	category VARCHAR(3) NOT NULL, 
	assessed_on DATE NOT NULL, 
	rationale TEXT NOT NULL, 
	source_engagement VARCHAR(36), 
	recorded_by VARCHAR(100), 
	reasons VARCHAR(200) DEFAULT '' NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_classifications_category CHECK (category IN ('I', 'II', 'III')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE, 
	CONSTRAINT fk_classifications_source_engagement FOREIGN KEY(source_engagement) REFERENCES engagements (uuid)
);

CREATE INDEX ix_classifications_date ON classifications (assessed_on);

CREATE INDEX ix_classifications_source_engagement ON classifications (source_engagement);

CREATE INDEX ix_classifications_state_date ON classifications (iso3, assessed_on, created_at);

CREATE TABLE coalitions (
	iso3 VARCHAR(3) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	strategy VARCHAR(300) NOT NULL, 
	strategy_dated VARCHAR(10), 
	strategy_attachment_uuid VARCHAR(36), 
	notes TEXT NOT NULL, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	illustrative BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_coalitions_name CHECK (length(trim(name)) > 0), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_coalitions_iso3 ON coalitions (iso3);

CREATE TABLE cooperation_reports (
	iso3 VARCHAR(3) NOT NULL, 
	year INTEGER NOT NULL, 
	role VARCHAR(10) NOT NULL, 
	details TEXT NOT NULL, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_cooperation_state_year_role UNIQUE (iso3, year, role), 
	CONSTRAINT ck_cooperation_role CHECK (role IN ('needs', 'provides')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_cooperation_year ON cooperation_reports (year, role);

CREATE TABLE engagement_actors (
	engagement_uuid VARCHAR(36) NOT NULL, 
	actor VARCHAR(100) NOT NULL, 
	occurred_on DATE, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_engagement_actors UNIQUE (engagement_uuid, actor), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid)
);

CREATE INDEX ix_engagement_actors_actor_occurred_on ON engagement_actors (actor, occurred_on, engagement_uuid);

CREATE TABLE engagement_states (
	engagement_uuid VARCHAR(36) NOT NULL, 
	iso3 VARCHAR(3) NOT NULL, 
	occurred_on DATE, 
	kind VARCHAR(20), 
	area VARCHAR(30), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_engagement_states UNIQUE (engagement_uuid, iso3), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_engagement_states_iso3_occurred_on ON engagement_states (iso3, occurred_on, engagement_uuid);

CREATE INDEX ix_engagement_states_kind_area_iso3_occurred_on ON engagement_states (kind, area, iso3, occurred_on);

CREATE TABLE indicator_values (
	iso3 VARCHAR(3) NOT NULL, 
	action VARCHAR(12) NOT NULL, 
	indicator INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	value VARCHAR(20) NOT NULL, 
	note TEXT NOT NULL, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_indicator_values UNIQUE (iso3, action, indicator, year), 
	CONSTRAINT ck_indicator_values_value CHECK (value IN ('done', 'partly', 'not-done', 'not-applicable')), 
	CONSTRAINT ck_indicator_values_indicator CHECK (indicator >= 1), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE, 
	FOREIGN KEY(action) REFERENCES plan_actions (code) ON UPDATE CASCADE
);

CREATE INDEX ix_indicator_values_action ON indicator_values (action, year);

CREATE TABLE margin_slots (
	meeting_uuid VARCHAR(36) NOT NULL, 
	iso3 VARCHAR(3) NOT NULL, 
	day DATE NOT NULL, 
	starts VARCHAR(5) NOT NULL, 
	ends VARCHAR(5) NOT NULL, 
	room VARCHAR(60) NOT NULL, 
	objective VARCHAR(300) NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	engagement_uuid VARCHAR(36), 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_margin_slots_status CHECK (status IN ('planned', 'held', 'cancelled')), 
	CONSTRAINT ck_margin_slots_times CHECK (ends > starts), 
	FOREIGN KEY(meeting_uuid) REFERENCES meetings (uuid), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE, 
	CONSTRAINT fk_margin_slots_engagement FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid)
);

CREATE INDEX ix_margin_slots_engagement ON margin_slots (engagement_uuid);

CREATE INDEX ix_margin_slots_meeting_day ON margin_slots (meeting_uuid, day, starts);

CREATE TABLE milestones (
	work_plan_uuid VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	due_on DATE NOT NULL, 
	due_quarter VARCHAR(6), 
	status VARCHAR(12) NOT NULL, 
	done_on DATE, 
	notes TEXT NOT NULL, 
	action_points VARCHAR(200) NOT NULL, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_milestones_status CHECK (status IN ('planned', 'in-progress', 'done', 'slipped', 'dropped')), 
	CONSTRAINT ck_milestones_done_on CHECK ((status = 'done' AND done_on IS NOT NULL) OR (status != 'done' AND done_on IS NULL)), 
	CONSTRAINT ck_milestones_title CHECK (length(trim(title)) > 0), 
	FOREIGN KEY(work_plan_uuid) REFERENCES work_plans (uuid)
);

CREATE INDEX ix_milestones_done_on ON milestones (done_on);

CREATE INDEX ix_milestones_due_on ON milestones (due_on);

CREATE INDEX ix_milestones_work_plan ON milestones (work_plan_uuid, position);

CREATE TABLE national_measures (
	iso3 VARCHAR(3) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	dated VARCHAR(10) NOT NULL, 
	measure VARCHAR(300) NOT NULL, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_national_measures UNIQUE (iso3, status, dated), 
	CONSTRAINT ck_national_measures_status CHECK (status IN ('adopted', 'existing-law', 'in-progress', 'none')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_national_measures_state ON national_measures (iso3, dated);

CREATE TABLE obligation_extensions (
	iso3 VARCHAR(3) NOT NULL, 
	article INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	requested VARCHAR(10), 
	requested_to DATE, 
	meeting VARCHAR(10), 
	decision VARCHAR(20) NOT NULL, 
	granted VARCHAR(10), 
	extended_to DATE, 
	source TEXT, 
	notes TEXT NOT NULL, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_obligation_extensions_number UNIQUE (iso3, article, number), 
	CONSTRAINT ck_obligation_extensions_article CHECK (article IN (3, 4)), 
	CONSTRAINT ck_obligation_extensions_decision CHECK (decision IN ('granted', 'refused', 'pending', 'not recorded')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_obligation_extensions_state ON obligation_extensions (iso3, article);

CREATE TABLE obligations (
	iso3 VARCHAR(3) NOT NULL, 
	article INTEGER NOT NULL, 
	deadline DATE, 
	extension_requested VARCHAR(10), 
	extension_requested_to DATE, 
	extension_granted VARCHAR(10), 
	extended_to DATE, 
	completed VARCHAR(10), 
	first_completed VARCHAR(10), 
	reopened VARCHAR(10), 
	status VARCHAR(30) NOT NULL, 
	status_as_of DATE NOT NULL, 
	source TEXT, 
	notes TEXT NOT NULL, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_obligations_state_article UNIQUE (iso3, article), 
	CONSTRAINT ck_obligations_article CHECK (article IN (3, 4, 5)), 
	CONSTRAINT ck_obligations_status CHECK (status IN ('outstanding', 'completed', 'no stockpile reported', 'uncertain')), 
	CONSTRAINT ck_obligations_extension CHECK (extended_to IS NULL OR deadline IS NULL OR extended_to > deadline), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_obligations_article ON obligations (article, iso3);

CREATE TABLE people (
	name VARCHAR(100) NOT NULL, 
	role VARCHAR(100) NOT NULL, 
	iso3 VARCHAR(3), 
	organisation VARCHAR(20), 
	location VARCHAR(10) NOT NULL, 
	email VARCHAR(200) NOT NULL, 
	phone VARCHAR(50) NOT NULL, 
	notes TEXT NOT NULL, 
	illustrative BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_people_one_employer CHECK (iso3 IS NULL OR organisation IS NULL), 
	CONSTRAINT ck_people_location CHECK (location IN ('', 'geneva', 'capital')), 
	CONSTRAINT ck_people_name CHECK (length(trim(name)) > 0), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE, 
	FOREIGN KEY(organisation) REFERENCES organisations (code) ON UPDATE CASCADE
);

CREATE INDEX ix_people_iso3 ON people (iso3);

CREATE INDEX ix_people_organisation ON people (organisation);

CREATE TABLE practices (
	iso3 VARCHAR(3) NOT NULL, 
	method VARCHAR(30) NOT NULL, 
	year INTEGER, 
	cost_per_unit FLOAT, 
	currency VARCHAR(3) NOT NULL, 
	safety TEXT NOT NULL, 
	environment TEXT NOT NULL, 
	efficiency TEXT NOT NULL, 
	notes TEXT NOT NULL, 
	source TEXT, 
	document VARCHAR(255), 
	document_sha256 VARCHAR(64), 
	engagement_uuid VARCHAR(36), 
	illustrative BOOLEAN NOT NULL, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_practices_method CHECK (method IN ('open-burning-detonation', 'incineration', 'disassembly-recycling', 'cryofracture', 'contained-detonation', 'industrial-demilitarisation', 'transfer-for-destruction', 'other')), 
	CONSTRAINT ck_practices_cost CHECK (cost_per_unit IS NULL OR cost_per_unit >= 0), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE, 
	FOREIGN KEY(document_sha256) REFERENCES blobs (sha256), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid)
);

CREATE INDEX ix_practices_method ON practices (method, year);

CREATE INDEX ix_practices_state ON practices (iso3, year);

CREATE TABLE retention (
	iso3 VARCHAR(3) NOT NULL, 
	year INTEGER NOT NULL, 
	munitions_retained INTEGER, 
	submunitions_retained INTEGER, 
	munitions_used INTEGER, 
	submunitions_used INTEGER, 
	munitions_planned INTEGER, 
	submunitions_planned INTEGER, 
	planned_use TEXT NOT NULL, 
	actual_use TEXT NOT NULL, 
	purpose TEXT NOT NULL, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_retention_state_year UNIQUE (iso3, year), 
	CONSTRAINT ck_retention_counts CHECK ((munitions_retained IS NULL OR munitions_retained >= 0) AND (submunitions_retained IS NULL OR submunitions_retained >= 0) AND (munitions_used IS NULL OR munitions_used >= 0) AND (submunitions_used IS NULL OR submunitions_used >= 0)), 
	CONSTRAINT ck_retention_planned CHECK ((munitions_planned IS NULL OR munitions_planned >= 0) AND (submunitions_planned IS NULL OR submunitions_planned >= 0)), 
	CONSTRAINT ck_retention_used CHECK ((munitions_used IS NULL OR munitions_used <= munitions_retained) AND (submunitions_used IS NULL OR submunitions_used <= submunitions_retained)), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_retention_year ON retention (year, iso3);

CREATE TABLE state_aliases (
	iso3 VARCHAR(3) NOT NULL, 
	alias VARCHAR(100) NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE, 
	UNIQUE (alias)
);

CREATE INDEX ix_state_aliases_iso3 ON state_aliases (iso3);

CREATE TABLE transparency_forms (
	iso3 VARCHAR(3) NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	year INTEGER NOT NULL, 
	form VARCHAR(1) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	last_reported INTEGER, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_transparency_forms UNIQUE (iso3, kind, year, form), 
	CONSTRAINT ck_transparency_forms_form CHECK (form IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J')), 
	CONSTRAINT ck_transparency_forms_status CHECK (status IN ('reported', 'changed', 'unchanged', 'not applicable')), 
	CONSTRAINT ck_transparency_forms_kind CHECK (kind IN ('initial', 'annual')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_transparency_forms_report ON transparency_forms (iso3, kind, year);

CREATE TABLE transparency_reports (
	iso3 VARCHAR(3) NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	year INTEGER NOT NULL, 
	due DATE NOT NULL, 
	submitted DATE, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_transparency_state_kind_year UNIQUE (iso3, kind, year), 
	CONSTRAINT ck_transparency_kind CHECK (kind IN ('initial', 'annual')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_transparency_kind_year ON transparency_reports (kind, year);

CREATE TABLE unga_votes (
	iso3 VARCHAR(3) NOT NULL, 
	year INTEGER NOT NULL, 
	voted_on DATE NOT NULL, 
	vote VARCHAR(12) NOT NULL, 
	resolution VARCHAR(40) DEFAULT '' NOT NULL, 
	source TEXT, 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_unga_votes_state_year UNIQUE (iso3, year), 
	CONSTRAINT ck_unga_votes_vote CHECK (vote IN ('yes', 'no', 'abstain', 'absent', 'non-member')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_unga_votes_year ON unga_votes (year);

CREATE TABLE work_plan_items (
	work_plan_uuid VARCHAR(36) NOT NULL, 
	section VARCHAR(12) NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_work_plan_items UNIQUE (work_plan_uuid, section, position), 
	CONSTRAINT ck_work_plan_items_section CHECK (section IN ('objective', 'implementer', 'partner')), 
	FOREIGN KEY(work_plan_uuid) REFERENCES work_plans (uuid)
);

CREATE TABLE work_plan_states (
	work_plan_uuid VARCHAR(36) NOT NULL, 
	iso3 VARCHAR(3) NOT NULL, 
	role VARCHAR(12) NOT NULL, 
	position INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_work_plan_states UNIQUE (work_plan_uuid, role, iso3), 
	CONSTRAINT ck_work_plan_states_role CHECK (role IN ('coordinator', 'focus')), 
	FOREIGN KEY(work_plan_uuid) REFERENCES work_plans (uuid), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_work_plan_states_iso3 ON work_plan_states (iso3, work_plan_uuid);

CREATE TABLE coalition_activities (
	coalition_uuid VARCHAR(36) NOT NULL, 
	need_uuid VARCHAR(36), 
	title VARCHAR(300) NOT NULL, 
	funded_by VARCHAR(200) NOT NULL, 
	implemented_by VARCHAR(200) NOT NULL, 
	amount BIGINT, 
	currency VARCHAR(3), 
	status VARCHAR(10) NOT NULL, 
	source TEXT, 
	illustrative BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_coalition_activities_status CHECK (status IN ('planned', 'ongoing', 'completed', 'cancelled')), 
	CONSTRAINT ck_coalition_activities_amount CHECK (amount IS NULL OR amount >= 0), 
	CONSTRAINT ck_coalition_activities_currency CHECK ((amount IS NULL) = (currency IS NULL)), 
	FOREIGN KEY(coalition_uuid) REFERENCES coalitions (uuid)
);

CREATE INDEX ix_coalition_activities_coalition ON coalition_activities (coalition_uuid, status);

CREATE TABLE coalition_engagements (
	coalition_uuid VARCHAR(36) NOT NULL, 
	engagement_uuid VARCHAR(36) NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_coalition_engagements UNIQUE (coalition_uuid, engagement_uuid), 
	FOREIGN KEY(coalition_uuid) REFERENCES coalitions (uuid), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid)
);

CREATE INDEX ix_coalition_engagements_engagement ON coalition_engagements (engagement_uuid);

CREATE TABLE coalition_members (
	coalition_uuid VARCHAR(36) NOT NULL, 
	role VARCHAR(12) NOT NULL, 
	iso3 VARCHAR(3), 
	organisation VARCHAR(100), 
	source TEXT, 
	illustrative BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_coalition_members_role CHECK (role IN ('lead-donor', 'partner')), 
	CONSTRAINT ck_coalition_members_who CHECK ((iso3 IS NULL) <> (organisation IS NULL)), 
	CONSTRAINT uq_coalition_members UNIQUE (coalition_uuid, iso3, organisation), 
	FOREIGN KEY(coalition_uuid) REFERENCES coalitions (uuid), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_coalition_members_coalition ON coalition_members (coalition_uuid, role);

CREATE TABLE coalition_needs (
	coalition_uuid VARCHAR(36) NOT NULL, 
	area VARCHAR(30) NOT NULL, 
	description VARCHAR(300) NOT NULL, 
	amount BIGINT, 
	currency VARCHAR(3), 
	status VARCHAR(10) NOT NULL, 
	source TEXT, 
	illustrative BOOLEAN NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_coalition_needs_area CHECK (area IN ('clearance', 'stockpile-destruction', 'victim-assistance', 'risk-education')), 
	CONSTRAINT ck_coalition_needs_status CHECK (status IN ('open', 'met')), 
	CONSTRAINT ck_coalition_needs_amount CHECK (amount IS NULL OR amount >= 0), 
	CONSTRAINT ck_coalition_needs_currency CHECK ((amount IS NULL) = (currency IS NULL)), 
	FOREIGN KEY(coalition_uuid) REFERENCES coalitions (uuid)
);

CREATE INDEX ix_coalition_needs_coalition ON coalition_needs (coalition_uuid, status);

CREATE TABLE engagement_counterparts (
	engagement_uuid VARCHAR(36) NOT NULL, 
	person_uuid VARCHAR(36), 
	organisation VARCHAR(20), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_engagement_counterparts_one CHECK ((person_uuid IS NULL) != (organisation IS NULL)), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid), 
	FOREIGN KEY(person_uuid) REFERENCES people (uuid), 
	FOREIGN KEY(organisation) REFERENCES organisations (code) ON UPDATE CASCADE
);

CREATE INDEX ix_engagement_counterparts_engagement ON engagement_counterparts (engagement_uuid);

CREATE INDEX ix_engagement_counterparts_person ON engagement_counterparts (person_uuid);

CREATE TABLE milestone_engagements (
	milestone_uuid VARCHAR(36) NOT NULL, 
	engagement_uuid VARCHAR(36) NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT uq_milestone_engagements UNIQUE (milestone_uuid, engagement_uuid), 
	FOREIGN KEY(milestone_uuid) REFERENCES milestones (uuid), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid)
);

CREATE INDEX ix_milestone_engagements_engagement ON milestone_engagements (engagement_uuid);

CREATE TABLE milestone_slips (
	milestone_uuid VARCHAR(36) NOT NULL, 
	recorded_on DATE NOT NULL, 
	from_due_on DATE NOT NULL, 
	from_quarter VARCHAR(6), 
	to_due_on DATE NOT NULL, 
	to_quarter VARCHAR(6), 
	reason TEXT NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_milestone_slips_later CHECK (to_due_on > from_due_on), 
	FOREIGN KEY(milestone_uuid) REFERENCES milestones (uuid)
);

CREATE INDEX ix_milestone_slips_from_due_on ON milestone_slips (from_due_on);

CREATE INDEX ix_milestone_slips_milestone ON milestone_slips (milestone_uuid, from_due_on);

CREATE TABLE replies (
	engagement_uuid VARCHAR(36) NOT NULL, 
	iso3 VARCHAR(3) NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	received_on DATE, 
	stance VARCHAR(10), 
	summary TEXT NOT NULL, 
	supports_category VARCHAR(3), 
	classification_uuid VARCHAR(36), 
	recorded_by VARCHAR(100), 
	illustrative BOOLEAN NOT NULL, 
	delivered_on DATE, 
	reasons VARCHAR(200) DEFAULT '' NOT NULL, 
	occurred_on DATE, 
	kind VARCHAR(20), 
	area VARCHAR(30), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_replies_status CHECK (status IN ('pending', 'replied', 'no-reply')), 
	CONSTRAINT ck_replies_stance CHECK (stance IS NULL OR stance IN ('positive', 'neutral', 'negative')), 
	CONSTRAINT ck_replies_category CHECK (supports_category IS NULL OR supports_category IN ('I', 'II', 'III')), 
	CONSTRAINT ck_replies_received CHECK (status != 'replied' OR received_on IS NOT NULL), 
	FOREIGN KEY(engagement_uuid) REFERENCES engagements (uuid), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE, 
	FOREIGN KEY(classification_uuid) REFERENCES classifications (uuid)
);

CREATE INDEX ix_replies_engagement ON replies (engagement_uuid, iso3);

CREATE INDEX ix_replies_iso3 ON replies (iso3, engagement_uuid);

CREATE INDEX ix_replies_kind_area_occurred_on ON replies (kind, area, occurred_on, status, engagement_uuid, iso3);

CREATE INDEX ix_replies_reasons ON replies (iso3, received_on) WHERE reasons != '';

CREATE INDEX ix_replies_status_engagement ON replies (status, engagement_uuid);

CREATE INDEX ix_replies_status_occurred_on ON replies (status, occurred_on);

-- Counts derived from the records, kept by the database (db/rollups.py).

CREATE TABLE engagements_per_day (
	kind VARCHAR(20) NOT NULL, 
	area VARCHAR(30) NOT NULL, 
	occurred_on DATE NOT NULL, 
	engagements INTEGER NOT NULL, 
	PRIMARY KEY (kind, area, occurred_on)
)
 WITHOUT ROWID;

CREATE TABLE state_engagements_per_day (
	iso3 VARCHAR(3) NOT NULL, 
	occurred_on DATE NOT NULL, 
	engagements INTEGER NOT NULL, 
	PRIMARY KEY (iso3, occurred_on)
)
 WITHOUT ROWID;

-- Each engagement's values on the rows pointing at it and the per-day counts, kept by the database (db/rollups.py).

CREATE TRIGGER engagement_states_date_insert AFTER INSERT ON engagement_states WHEN (new.occurred_on, new.kind, new.area) IS NOT (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE engagement_states SET (occurred_on, kind, area) = (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER engagement_states_date_update AFTER UPDATE OF engagement_uuid, occurred_on, kind, area ON engagement_states WHEN (new.occurred_on, new.kind, new.area) IS NOT (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE engagement_states SET (occurred_on, kind, area) = (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER engagement_actors_date_insert AFTER INSERT ON engagement_actors WHEN (new.occurred_on) IS NOT (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE engagement_actors SET occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER engagement_actors_date_update AFTER UPDATE OF engagement_uuid, occurred_on ON engagement_actors WHEN (new.occurred_on) IS NOT (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE engagement_actors SET occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER campaigns_date_insert AFTER INSERT ON campaigns WHEN (new.occurred_on, new.area) IS NOT (SELECT occurred_on, area FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE campaigns SET (occurred_on, area) = (SELECT occurred_on, area FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER campaigns_date_update AFTER UPDATE OF engagement_uuid, occurred_on, area ON campaigns WHEN (new.occurred_on, new.area) IS NOT (SELECT occurred_on, area FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE campaigns SET (occurred_on, area) = (SELECT occurred_on, area FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER replies_date_insert AFTER INSERT ON replies WHEN (new.occurred_on, new.kind, new.area) IS NOT (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE replies SET (occurred_on, kind, area) = (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER replies_date_update AFTER UPDATE OF engagement_uuid, occurred_on, kind, area ON replies WHEN (new.occurred_on, new.kind, new.area) IS NOT (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) BEGIN UPDATE replies SET (occurred_on, kind, area) = (SELECT occurred_on, kind, area FROM engagements WHERE uuid = new.engagement_uuid) WHERE uuid = new.uuid; END;

CREATE TRIGGER engagements_date_insert AFTER INSERT ON engagements BEGIN UPDATE engagement_states SET occurred_on = new.occurred_on, kind = new.kind, area = new.area WHERE engagement_uuid = new.uuid; UPDATE engagement_actors SET occurred_on = new.occurred_on WHERE engagement_uuid = new.uuid; UPDATE campaigns SET occurred_on = new.occurred_on, area = new.area WHERE engagement_uuid = new.uuid; UPDATE replies SET occurred_on = new.occurred_on, kind = new.kind, area = new.area WHERE engagement_uuid = new.uuid; END;

CREATE TRIGGER engagements_date_update AFTER UPDATE OF occurred_on, kind, area ON engagements WHEN (new.occurred_on, new.kind, new.area) IS NOT (old.occurred_on, old.kind, old.area) BEGIN UPDATE engagement_states SET occurred_on = new.occurred_on, kind = new.kind, area = new.area WHERE engagement_uuid = new.uuid; UPDATE engagement_actors SET occurred_on = new.occurred_on WHERE engagement_uuid = new.uuid; UPDATE campaigns SET occurred_on = new.occurred_on, area = new.area WHERE engagement_uuid = new.uuid; UPDATE replies SET occurred_on = new.occurred_on, kind = new.kind, area = new.area WHERE engagement_uuid = new.uuid; END;

CREATE TRIGGER engagements_days_insert AFTER INSERT ON engagements BEGIN INSERT INTO engagements_per_day (kind, area, occurred_on, engagements) VALUES (new.kind, new.area, new.occurred_on, 1), (new.kind, '', new.occurred_on, 1), ('', new.area, new.occurred_on, 1), ('', '', new.occurred_on, 1) ON CONFLICT (kind, area, occurred_on) DO UPDATE SET engagements = engagements + 1; INSERT INTO state_engagements_per_day (iso3, occurred_on, engagements) SELECT iso3, new.occurred_on, 1 FROM engagement_states WHERE engagement_uuid = new.uuid ON CONFLICT (iso3, occurred_on) DO UPDATE SET engagements = engagements + 1; END;

CREATE TRIGGER engagements_days_delete AFTER DELETE ON engagements BEGIN UPDATE engagements_per_day SET engagements = engagements - 1 WHERE kind IN (old.kind, '') AND area IN (old.area, '') AND occurred_on = old.occurred_on; DELETE FROM engagements_per_day WHERE kind IN (old.kind, '') AND area IN (old.area, '') AND occurred_on = old.occurred_on AND engagements <= 0; UPDATE state_engagements_per_day SET engagements = engagements - 1 WHERE iso3 IN (SELECT iso3 FROM engagement_states WHERE engagement_uuid = old.uuid) AND occurred_on = old.occurred_on; DELETE FROM state_engagements_per_day WHERE iso3 IN (SELECT iso3 FROM engagement_states WHERE engagement_uuid = old.uuid) AND occurred_on = old.occurred_on AND engagements <= 0; END;

CREATE TRIGGER engagements_days_update AFTER UPDATE OF occurred_on, kind, area ON engagements WHEN new.occurred_on IS NOT old.occurred_on OR new.kind IS NOT old.kind OR new.area IS NOT old.area BEGIN UPDATE engagements_per_day SET engagements = engagements - 1 WHERE kind IN (old.kind, '') AND area IN (old.area, '') AND occurred_on = old.occurred_on; DELETE FROM engagements_per_day WHERE kind IN (old.kind, '') AND area IN (old.area, '') AND occurred_on = old.occurred_on AND engagements <= 0; INSERT INTO engagements_per_day (kind, area, occurred_on, engagements) VALUES (new.kind, new.area, new.occurred_on, 1), (new.kind, '', new.occurred_on, 1), ('', new.area, new.occurred_on, 1), ('', '', new.occurred_on, 1) ON CONFLICT (kind, area, occurred_on) DO UPDATE SET engagements = engagements + 1; END;

CREATE TRIGGER engagements_state_days_update AFTER UPDATE OF occurred_on ON engagements WHEN new.occurred_on IS NOT old.occurred_on BEGIN UPDATE state_engagements_per_day SET engagements = engagements - 1 WHERE iso3 IN (SELECT iso3 FROM engagement_states WHERE engagement_uuid = old.uuid) AND occurred_on = old.occurred_on; DELETE FROM state_engagements_per_day WHERE iso3 IN (SELECT iso3 FROM engagement_states WHERE engagement_uuid = old.uuid) AND occurred_on = old.occurred_on AND engagements <= 0; INSERT INTO state_engagements_per_day (iso3, occurred_on, engagements) SELECT iso3, new.occurred_on, 1 FROM engagement_states WHERE engagement_uuid = new.uuid ON CONFLICT (iso3, occurred_on) DO UPDATE SET engagements = engagements + 1; END;

CREATE TRIGGER engagement_states_days_insert AFTER INSERT ON engagement_states BEGIN INSERT INTO state_engagements_per_day (iso3, occurred_on, engagements) SELECT new.iso3, occurred_on, 1 FROM engagements WHERE uuid = new.engagement_uuid ON CONFLICT (iso3, occurred_on) DO UPDATE SET engagements = engagements + 1; END;

CREATE TRIGGER engagement_states_days_delete AFTER DELETE ON engagement_states BEGIN UPDATE state_engagements_per_day SET engagements = engagements - 1 WHERE iso3 = old.iso3 AND occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = old.engagement_uuid); DELETE FROM state_engagements_per_day WHERE iso3 = old.iso3 AND occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = old.engagement_uuid) AND engagements <= 0; END;

CREATE TRIGGER engagement_states_days_update AFTER UPDATE OF iso3, engagement_uuid ON engagement_states WHEN new.iso3 IS NOT old.iso3 OR new.engagement_uuid IS NOT old.engagement_uuid BEGIN UPDATE state_engagements_per_day SET engagements = engagements - 1 WHERE iso3 = old.iso3 AND occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = old.engagement_uuid); DELETE FROM state_engagements_per_day WHERE iso3 = old.iso3 AND occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = old.engagement_uuid) AND engagements <= 0; INSERT INTO state_engagements_per_day (iso3, occurred_on, engagements) SELECT new.iso3, occurred_on, 1 FROM engagements WHERE uuid = new.engagement_uuid ON CONFLICT (iso3, occurred_on) DO UPDATE SET engagements = engagements + 1; END;

-- SQLite only: full-text search over engagements.

CREATE VIRTUAL TABLE engagement_search USING fts5(summary, notes, content='engagements', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER engagement_search_insert AFTER INSERT ON engagements BEGIN INSERT INTO engagement_search(rowid, summary, notes) VALUES (new.rowid, new.summary, new.notes); END;

CREATE TRIGGER engagement_search_delete AFTER DELETE ON engagements BEGIN INSERT INTO engagement_search(engagement_search, rowid, summary, notes) VALUES ('delete', old.rowid, old.summary, old.notes); END;

CREATE TRIGGER engagement_search_update AFTER UPDATE OF summary, notes ON engagements BEGIN INSERT INTO engagement_search(engagement_search, rowid, summary, notes) VALUES ('delete', old.rowid, old.summary, old.notes); INSERT INTO engagement_search(rowid, summary, notes) VALUES (new.rowid, new.summary, new.notes); END;
