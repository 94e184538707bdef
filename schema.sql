-- Generated from src/ccmtui/db/models.py by `python -m ccmtui.db.schema`; do not edit.

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
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
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

CREATE TABLE classifications (
	iso3 VARCHAR(3) NOT NULL, 
	category VARCHAR(3) NOT NULL, 
	assessed_on DATE NOT NULL, 
	rationale TEXT NOT NULL, 
	source_engagement VARCHAR(36), 
	recorded_by VARCHAR(100), 
	uuid VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uuid), 
	CONSTRAINT ck_classifications_category CHECK (category IN ('I', 'II', 'III')), 
	FOREIGN KEY(iso3) REFERENCES states (iso3) ON UPDATE CASCADE
);

CREATE INDEX ix_classifications_date ON classifications (assessed_on);

CREATE INDEX ix_classifications_state_date ON classifications (iso3, assessed_on);

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
