-- coopstock schema, version 13: status and kind checks without IN lists.
--
-- SQLite tests `x IN ('a', 'b', 'c')` of three constants or more by
-- building a temporary b-tree of the list, once per statement run.  As a
-- CHECK or a partial index's WHERE, that was every INSERT and UPDATE of
-- an order or a stock move: a b-tree and its page cache made and freed
-- per row, two thirds of the time `import orders` took (bench-csv).  The
-- same tests written with OR are plain comparisons.
--
-- A CHECK cannot be changed in place, so orders and stock_move are built
-- again (the procedure of SQLite's "ALTER TABLE" page: new table, copy,
-- drop, rename, then the indexes and triggers).  Migrations run with
-- foreign keys off and end with foreign_key_check (db.c), so the tables
-- that refer to these keep their rows; the ids are copied unchanged.
CREATE TABLE orders_new (
	id               INTEGER PRIMARY KEY,
	gid              TEXT,  -- NULL: made here; else the origin's global id
	channel          TEXT NOT NULL CHECK (length(channel) > 0),
	ext_ref          TEXT,      -- the shop's order number; unique per channel
	status           TEXT NOT NULL DEFAULT 'new' CHECK (status = 'new'
	    OR status = 'confirmed' OR status = 'packed' OR status = 'shipped'
	    OR status = 'delivered' OR status = 'cancelled' OR status = 'returned'),
	ordered_at       TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	customer_name    TEXT NOT NULL DEFAULT '',
	customer_phone   TEXT NOT NULL DEFAULT '',
	customer_address TEXT NOT NULL DEFAULT '',
	note             TEXT NOT NULL DEFAULT '',
	created_by       TEXT NOT NULL,
	created_at       TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	updated_at       TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	courier          TEXT NOT NULL DEFAULT '',  -- '' = any (010-wave.sql)
	UNIQUE (channel, ext_ref)
);
INSERT INTO orders_new(id, gid, channel, ext_ref, status, ordered_at,
    customer_name, customer_phone, customer_address, note, created_by,
    created_at, updated_at, courier)
SELECT id, gid, channel, ext_ref, status, ordered_at, customer_name,
    customer_phone, customer_address, note, created_by, created_at,
    updated_at, courier FROM orders ORDER BY id;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE INDEX orders_status ON orders(status, id);
CREATE UNIQUE INDEX orders_gid ON orders(gid) WHERE gid IS NOT NULL;
CREATE INDEX orders_phone ON orders(customer_phone);
-- Home's counts (summary.c) repeat this WHERE word for word: a query
-- uses a partial index only when its own WHERE contains the index's.
CREATE INDEX orders_live ON orders(status, gid)
	WHERE status = 'new' OR status = 'confirmed' OR status = 'packed';

CREATE TABLE stock_move_new (
	id         INTEGER PRIMARY KEY,
	gid        TEXT,  -- NULL: made here; else the origin's global id
	kind       TEXT NOT NULL CHECK (kind = 'intake' OR kind = 'sale'
	    OR kind = 'return' OR kind = 'adjust'),
	product_id INTEGER NOT NULL REFERENCES product(id),
	lot_id     INTEGER NOT NULL REFERENCES lot(id),
	qty        INTEGER NOT NULL CHECK (qty <> 0),
	order_id   INTEGER REFERENCES orders(id),
	actor      TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	CHECK (kind <> 'adjust' OR length(note) > 0)
);
INSERT INTO stock_move_new(id, gid, kind, product_id, lot_id, qty,
    order_id, actor, note, created_at)
SELECT id, gid, kind, product_id, lot_id, qty, order_id, actor, note,
    created_at FROM stock_move ORDER BY id;
DROP TABLE stock_move;
ALTER TABLE stock_move_new RENAME TO stock_move;
CREATE INDEX stock_move_product ON stock_move(product_id, id);
CREATE INDEX stock_move_lot ON stock_move(lot_id);
CREATE INDEX stock_move_order ON stock_move(order_id);
CREATE UNIQUE INDEX stock_move_gid ON stock_move(gid) WHERE gid IS NOT NULL;
CREATE TRIGGER stock_move_no_update BEFORE UPDATE ON stock_move
BEGIN
	SELECT RAISE(ABORT, 'stock moves are append-only');
END;
CREATE TRIGGER stock_move_no_delete BEFORE DELETE ON stock_move
BEGIN
	SELECT RAISE(ABORT, 'stock moves are append-only');
END;
