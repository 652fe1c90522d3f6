-- coopstock schema, version 9: site-to-site sync (src/sync/bundle.h).
--
-- 1. Stock may go below zero after a merge: two sites apart both sold the
--    last jar.  Those sales happened, so the merge applies them and the
--    product shows as oversold until a manager adjusts it.  The caches
--    therefore lose their on_hand >= 0 and reserved <= on_hand checks;
--    local sales and adjustments still check availability in model/ before
--    they write.
-- 2. field_change: every edit of a product's or member's field, with who,
--    when and where, so that a merge takes the later edit per field and
--    lists both sides' edits of one field as a conflict.
-- 3. sync_peer, sync_conflict: what each peer sent and acknowledged; what
--    merges could not settle on their own.

CREATE TABLE stock_new (
	product_id INTEGER PRIMARY KEY REFERENCES product(id),
	on_hand    INTEGER NOT NULL DEFAULT 0,
	reserved   INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0)
);
INSERT INTO stock_new SELECT product_id, on_hand, reserved FROM stock;
DROP TABLE stock;
ALTER TABLE stock_new RENAME TO stock;

CREATE TABLE lot_stock_new (
	lot_id   INTEGER PRIMARY KEY REFERENCES lot(id),
	on_hand  INTEGER NOT NULL DEFAULT 0,
	reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0)
);
INSERT INTO lot_stock_new SELECT lot_id, on_hand, reserved FROM lot_stock;
DROP TABLE lot_stock;
ALTER TABLE lot_stock_new RENAME TO lot_stock;

-- One edit of one field.  Its global id is gid, or site || '.' || id for
-- an edit made here.  base is the global id of the edit it replaced (NULL:
-- the value the row was created with); two edits with the same base were
-- made apart from each other: a conflict.  value NULL is SQL NULL.
CREATE TABLE field_change (
	id     INTEGER PRIMARY KEY,
	gid    TEXT,
	entity TEXT NOT NULL CHECK (entity IN ('product', 'member')),
	row_id INTEGER NOT NULL,
	field  TEXT NOT NULL,
	value  TEXT,
	base   TEXT,
	site   TEXT NOT NULL,
	actor  TEXT NOT NULL,
	at     TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);
CREATE UNIQUE INDEX field_change_gid ON field_change(gid)
	WHERE gid IS NOT NULL;
CREATE INDEX field_change_row ON field_change(entity, row_id, field);

-- While a bundle is merged this table holds one row, so the triggers
-- below do not log the merge's own writes as local edits.
CREATE TABLE sync_applying (x INTEGER PRIMARY KEY);

CREATE TRIGGER product_field_change AFTER UPDATE ON product
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'sku', CAST(new.sku AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'sku'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.sku IS NOT new.sku;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'name', CAST(new.name AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'name'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.name IS NOT new.name;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'name_en', CAST(new.name_en AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'name_en'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.name_en IS NOT new.name_en;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'short_code', CAST(new.short_code AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'short_code'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.short_code IS NOT new.short_code;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'unit', CAST(new.unit AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'unit'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.unit IS NOT new.unit;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'price', CAST(new.price AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'price'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.price IS NOT new.price;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'reorder_level', CAST(new.reorder_level AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'reorder_level'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.reorder_level IS NOT new.reorder_level;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'category', CAST(new.category AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'category'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.category IS NOT new.category;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, 'active', CAST(new.active AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = 'active'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.active IS NOT new.active;
END;

CREATE TRIGGER member_field_change AFTER UPDATE ON member
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'member', new.id, 'code', CAST(new.code AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'member' AND c.row_id = new.id AND c.field = 'code'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.code IS NOT new.code;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'member', new.id, 'name', CAST(new.name AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'member' AND c.row_id = new.id AND c.field = 'name'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.name IS NOT new.name;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'member', new.id, 'village', CAST(new.village AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'member' AND c.row_id = new.id AND c.field = 'village'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.village IS NOT new.village;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'member', new.id, 'phone', CAST(new.phone AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'member' AND c.row_id = new.id AND c.field = 'phone'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.phone IS NOT new.phone;
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'member', new.id, 'active', CAST(new.active AS TEXT),
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'member' AND c.row_id = new.id AND c.field = 'active'
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	WHERE old.active IS NOT new.active;
END;

-- A site we exchange bundles with.  site_id is NULL until its first
-- bundle arrives (we may write to it by name before that).
--   sent_seq: number of the last bundle we wrote for it;
--   acked: the high-water marks (local ids, per file) of our rows it has
--     confirmed, as "file=id" lines; the next bundle holds what is above;
--   applied_seq, applied: the last of its bundles we merged and its marks,
--     which our next bundle to it echoes as its acknowledgement.
CREATE TABLE sync_peer (
	name        TEXT PRIMARY KEY,
	site_id     TEXT UNIQUE,
	sent_seq    INTEGER NOT NULL DEFAULT 0,
	acked       TEXT NOT NULL DEFAULT '',
	applied_seq INTEGER NOT NULL DEFAULT 0,
	applied     TEXT NOT NULL DEFAULT '',
	applied_at  TEXT
) WITHOUT ROWID;

-- What a merge could not settle: both sites changed one field while apart
-- (kind 'field': the later edit won, the other is kept here), or another
-- site's status change that is not allowed from the order's status here
-- (kind 'status': not applied).  a, b: the global ids of the two edits
-- (or the event), so one conflict is recorded once.
CREATE TABLE sync_conflict (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL CHECK (kind IN ('field', 'status')),
	entity       TEXT NOT NULL,
	ref          TEXT NOT NULL,
	field        TEXT NOT NULL,
	kept_value   TEXT,
	kept_by      TEXT NOT NULL,
	kept_at      TEXT NOT NULL,
	lost_value   TEXT,
	lost_by      TEXT NOT NULL,
	lost_at      TEXT NOT NULL,
	a            TEXT NOT NULL,
	b            TEXT NOT NULL,
	noted_at     TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
	resolved     INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
	UNIQUE (a, b)
);
