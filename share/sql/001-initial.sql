-- coopstock schema, version 1.
--
-- Money is INTEGER fen; quantities are INTEGER thousandths of the
-- product's unit.  Rows that may travel to another site of the same
-- cooperative have a global id: for a row made here it is
-- site_id || '.' || id (derived, never stored, so local inserts stay
-- appends); a row received from another site keeps its origin's global id
-- in gid, unique through a partial index (WHERE gid IS NOT NULL).  The stock
-- ledger (stock_move) is append-only, enforced by triggers; the stock and
-- lot_stock tables are caches of it kept in the same transaction, and
-- `coopstock check` proves they agree.

CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE clerk (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
	pin_hash   TEXT,          -- NULL: the PIN must be set at first sign-in
	role       TEXT NOT NULL DEFAULT 'clerk' CHECK (role IN ('clerk', 'manager')),
	active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);

CREATE TABLE product (
	id            INTEGER PRIMARY KEY,
	gid           TEXT,  -- NULL: made here; else the origin's global id
	sku           TEXT NOT NULL UNIQUE CHECK (length(sku) > 0),
	name          TEXT NOT NULL CHECK (length(name) > 0),
	name_en       TEXT NOT NULL DEFAULT '',
	short_code    TEXT UNIQUE,                 -- quick order entry ("ht")
	unit          TEXT NOT NULL CHECK (length(unit) > 0),
	price         INTEGER NOT NULL CHECK (price >= 0),          -- fen per unit
	reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
	category      TEXT NOT NULL DEFAULT '',
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at    TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_at    TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_by    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE member (
	id         INTEGER PRIMARY KEY,
	gid        TEXT,  -- NULL: made here; else the origin's global id
	code       TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
	name       TEXT NOT NULL CHECK (length(name) > 0),
	village    TEXT NOT NULL DEFAULT '',
	phone      TEXT NOT NULL DEFAULT '',
	active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_by TEXT NOT NULL DEFAULT ''
);

-- One intake of one product from one member.  cost_total is what the
-- cooperative owes the member for it (qty * unit_cost, rounded to the fen).
CREATE TABLE lot (
	id          INTEGER PRIMARY KEY,
	gid         TEXT,  -- NULL: made here; else the origin's global id
	product_id  INTEGER NOT NULL REFERENCES product(id),
	member_id   INTEGER REFERENCES member(id),
	received_on TEXT NOT NULL,
	qty         INTEGER NOT NULL CHECK (qty > 0),
	grade       TEXT NOT NULL DEFAULT '',
	unit_cost   INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
	cost_total  INTEGER NOT NULL DEFAULT 0 CHECK (cost_total >= 0),
	best_before TEXT,
	actor       TEXT NOT NULL,
	created_at  TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_at  TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);
CREATE INDEX lot_product ON lot(product_id, best_before);
CREATE INDEX lot_member ON lot(member_id);

CREATE TABLE orders (
	id               INTEGER PRIMARY KEY,
	gid              TEXT,  -- NULL: made here; else the origin's global id
	channel          TEXT NOT NULL CHECK (length(channel) > 0),
	ext_ref          TEXT,      -- the shop's order number; unique per channel
	status           TEXT NOT NULL DEFAULT 'new' CHECK (status IN
	    ('new', 'confirmed', 'packed', 'shipped', 'delivered', 'cancelled', 'returned')),
	ordered_at       TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	customer_name    TEXT NOT NULL DEFAULT '',
	customer_phone   TEXT NOT NULL DEFAULT '',
	customer_address TEXT NOT NULL DEFAULT '',
	note             TEXT NOT NULL DEFAULT '',
	created_by       TEXT NOT NULL,
	created_at       TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_at       TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	UNIQUE (channel, ext_ref)
);
CREATE INDEX orders_status ON orders(status, id);

CREATE TABLE order_line (
	id         INTEGER PRIMARY KEY,
	gid        TEXT,  -- NULL: made here; else the origin's global id
	order_id   INTEGER NOT NULL REFERENCES orders(id),
	product_id INTEGER NOT NULL REFERENCES product(id),
	qty        INTEGER NOT NULL CHECK (qty > 0),
	unit_price INTEGER NOT NULL CHECK (unit_price >= 0)
);
CREATE INDEX order_line_order ON order_line(order_id);
CREATE INDEX order_line_product ON order_line(product_id);

-- Reservations: which lots a confirmed (or packed) order's lines hold.
-- Rows exist only while the order is confirmed or packed.
CREATE TABLE order_alloc (
	order_line_id INTEGER NOT NULL REFERENCES order_line(id),
	lot_id        INTEGER NOT NULL REFERENCES lot(id),
	qty           INTEGER NOT NULL CHECK (qty > 0),
	PRIMARY KEY (order_line_id, lot_id)
) WITHOUT ROWID;
CREATE INDEX order_alloc_lot ON order_alloc(lot_id);

-- Who changed an order's status, when, from what to what.
CREATE TABLE order_event (
	id          INTEGER PRIMARY KEY,
	gid         TEXT,  -- NULL: made here; else the origin's global id
	order_id    INTEGER NOT NULL REFERENCES orders(id),
	from_status TEXT,
	to_status   TEXT NOT NULL,
	actor       TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	at          TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);
CREATE INDEX order_event_order ON order_event(order_id);

CREATE TABLE shipment (
	id          INTEGER PRIMARY KEY,
	gid         TEXT,  -- NULL: made here; else the origin's global id
	order_id    INTEGER NOT NULL REFERENCES orders(id),
	courier     TEXT NOT NULL,
	tracking_no TEXT NOT NULL,
	shipped_on  TEXT NOT NULL,
	actor       TEXT NOT NULL,
	created_at  TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);
CREATE INDEX shipment_order ON shipment(order_id);

-- The ledger.  qty is signed: intake and return add, sale subtracts,
-- adjustments either way.
CREATE TABLE stock_move (
	id         INTEGER PRIMARY KEY,
	gid        TEXT,  -- NULL: made here; else the origin's global id
	kind       TEXT NOT NULL CHECK (kind IN ('intake', 'sale', 'return', 'adjust')),
	product_id INTEGER NOT NULL REFERENCES product(id),
	lot_id     INTEGER NOT NULL REFERENCES lot(id),
	qty        INTEGER NOT NULL CHECK (qty <> 0),
	order_id   INTEGER REFERENCES orders(id),
	actor      TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	CHECK (kind <> 'adjust' OR length(note) > 0)
);
CREATE INDEX stock_move_product ON stock_move(product_id, id);
CREATE INDEX stock_move_lot ON stock_move(lot_id);
CREATE INDEX stock_move_order ON stock_move(order_id);

CREATE TRIGGER stock_move_no_update BEFORE UPDATE ON stock_move
BEGIN
	SELECT RAISE(ABORT, 'stock moves are append-only');
END;
CREATE TRIGGER stock_move_no_delete BEFORE DELETE ON stock_move
BEGIN
	SELECT RAISE(ABORT, 'stock moves are append-only');
END;

-- Caches of the ledger, per product and per lot.
CREATE TABLE stock (
	product_id INTEGER PRIMARY KEY REFERENCES product(id),
	on_hand    INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
	reserved   INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
	CHECK (reserved <= on_hand)
);
CREATE TABLE lot_stock (
	lot_id   INTEGER PRIMARY KEY REFERENCES lot(id),
	on_hand  INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
	reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
	CHECK (reserved <= on_hand)
);

-- What the cooperative has paid its members.
CREATE TABLE payment (
	id         INTEGER PRIMARY KEY,
	gid        TEXT,  -- NULL: made here; else the origin's global id
	member_id  INTEGER NOT NULL REFERENCES member(id),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	paid_on    TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	actor      TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);
CREATE INDEX payment_member ON payment(member_id);

-- Repeat buyers, keyed by phone: filled from orders.
CREATE TABLE customer (
	phone      TEXT PRIMARY KEY,
	name       TEXT NOT NULL DEFAULT '',
	address    TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
) WITHOUT ROWID;

-- Half-typed forms kept when a link drops, offered at the next sign-in.
CREATE TABLE draft (
	id       INTEGER PRIMARY KEY,
	clerk_id INTEGER NOT NULL REFERENCES clerk(id),
	kind     TEXT NOT NULL,
	body     TEXT NOT NULL,
	saved_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);

-- Global ids of rows received from other sites (src/sync/bundle.h).
-- Partial: rows made here store no gid, so they cost no index entry.
CREATE UNIQUE INDEX product_gid ON product(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX member_gid ON member(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX lot_gid ON lot(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX orders_gid ON orders(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX order_line_gid ON order_line(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX order_event_gid ON order_event(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX shipment_gid ON shipment(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX stock_move_gid ON stock_move(gid) WHERE gid IS NOT NULL;
CREATE UNIQUE INDEX payment_gid ON payment(gid) WHERE gid IS NOT NULL;

INSERT INTO setting(key, value) VALUES
	('site_id', lower(hex(randomblob(8)))),
	('site_name', 'main'),
	('coop_name', ''),
	('coop_phone', ''),
	('coop_address', '');
INSERT INTO clerk(name, role) VALUES ('manager', 'manager');
