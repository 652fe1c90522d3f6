-- coopstock schema, version 10: packing waves.
--
-- A wave is a set of confirmed orders a clerk picks and packs together
-- and hands to a courier in one go.  An order belongs to at most one
-- wave.  wave_event is the wave's history (created, packed, which
-- manifest file went to which courier); the tracking numbers that come
-- back are the shipment rows of the wave's orders, so the history reads
-- them from there.  Waves are the work of one site and do not travel.
--
-- orders.courier is the courier a clerk chose for an order ('' = any),
-- so a wave can gather the orders of one courier.

ALTER TABLE orders ADD COLUMN courier TEXT NOT NULL DEFAULT '';

CREATE TABLE wave (
	id         INTEGER PRIMARY KEY,
	selector   TEXT NOT NULL CHECK (selector IN
	    ('all', 'channel', 'courier', 'orders')),
	filter     TEXT NOT NULL DEFAULT '',  -- the channel or courier
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);

CREATE TABLE wave_order (
	wave_id  INTEGER NOT NULL REFERENCES wave(id),
	order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
	PRIMARY KEY (wave_id, order_id)
) WITHOUT ROWID;

CREATE TABLE wave_event (
	id      INTEGER PRIMARY KEY,
	wave_id INTEGER NOT NULL REFERENCES wave(id),
	kind    TEXT NOT NULL CHECK (kind IN ('created', 'packed', 'manifest')),
	courier TEXT NOT NULL DEFAULT '',
	file    TEXT NOT NULL DEFAULT '',
	orders  INTEGER NOT NULL DEFAULT 0,
	actor   TEXT NOT NULL,
	at      TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);
CREATE INDEX wave_event_wave ON wave_event(wave_id, id);

-- Quick order entry finds a repeat customer's orders by phone.
CREATE INDEX orders_phone ON orders(customer_phone);
