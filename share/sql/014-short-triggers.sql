-- coopstock schema, version 14: shorter triggers, and the list's keys
-- by product id and by SKU.
--
-- SQLite parses the whole schema each time a connection opens, and each
-- trigger step is parsed and copied then: the eight-step field log of
-- product, the five-step one of member and the twelve copies of the gram
-- list's expression in the search index's triggers were over half of
-- coopstock's startup (11 million instructions in all, 6.2 million of
-- them the schema; callgrind).  The same triggers, one step per target
-- table, with the grams written once as a view, are two fifths of the
-- text and give exactly the same rows.
--
-- product_gram_source is the list 011-product-gram.sql describes, for
-- every product: a trigger asks it for one product (the row is looked up
-- by id; the rest is json_each) once, into product_gram_scratch, and
-- posts or removes what it holds in the three lists, where the old
-- triggers made the list three times, each with a temporary table: an
-- insert of a product costs 1.3 million instructions instead of 2.1.
-- The product's old grams are taken off before an update or a delete,
-- while its row still holds them, and the new ones posted after.
--
-- The field logs insert one row per changed field, in the same order and
-- with the same base as the separate steps did (each field's base is its
-- own last change, so the steps never saw each other's rows).
--
-- product_keys and product_sku_keys hold what a page of the product
-- list sorts and filters on, by id and by SKU: a search whose gram is
-- posted under thousands of products, or whose SKU prefix matches
-- thousands, reads their sort keys there (4 MB each at 100,000
-- products) instead of their rows from the 15 MB table (the name-order
-- page of SKUs starting "TFM0", 2,409 products: 8 ms, now 0.6).
DROP TRIGGER product_field_change;
DROP TRIGGER member_field_change;
DROP TRIGGER product_gram_insert;
DROP TRIGGER product_gram_update;
DROP TRIGGER product_gram_delete;

CREATE INDEX product_keys ON product(id, active, name, sku);
CREATE INDEX product_sku_keys ON product(sku, active, name);

CREATE VIEW product_gram_source(product_id, gram) AS
	SELECT p.id, substr(t.value, j.key + 1, w.value)
	FROM product p
	CROSS JOIN json_each(json_array(lower(p.name), lower(p.name_en))) AS t
	CROSS JOIN json_each('[' || substr(replace(hex(zeroblob(length(t.value))),
	    '00', ',0'), 2) || ']') AS j
	CROSS JOIN json_each('[1,2,3]') AS w
	WHERE j.key + w.value <= length(t.value) AND (w.value < 3
	  OR length(CAST(substr(t.value, j.key + 1, 3) AS BLOB)) = 3);

-- A product's grams, made once per write into product_gram_scratch
-- (empty between statements) and posted from there to the three lists.
CREATE TABLE product_gram_scratch (gram TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER product_gram_insert AFTER INSERT ON product BEGIN
	INSERT OR IGNORE INTO product_gram_scratch(gram)
		SELECT gram FROM product_gram_source WHERE product_id = NEW.id;
	INSERT OR IGNORE INTO product_gram(gram, product_id)
		SELECT gram, NEW.id FROM product_gram_scratch;
	INSERT OR IGNORE INTO product_gram_sku(gram, sku, product_id)
		SELECT gram, NEW.sku, NEW.id FROM product_gram_scratch
		WHERE length(CAST(gram AS BLOB)) > length(gram);
	INSERT OR IGNORE INTO product_gram_name(gram, name, product_id)
		SELECT gram, NEW.name, NEW.id FROM product_gram_scratch
		WHERE length(CAST(gram AS BLOB)) > length(gram);
	DELETE FROM product_gram_scratch;
END;
CREATE TRIGGER product_gram_unpost BEFORE UPDATE OF id, sku, name, name_en
ON product BEGIN
	INSERT OR IGNORE INTO product_gram_scratch(gram)
		SELECT gram FROM product_gram_source WHERE product_id = OLD.id;
	DELETE FROM product_gram WHERE product_id = OLD.id
		AND gram IN (SELECT gram FROM product_gram_scratch);
	DELETE FROM product_gram_sku WHERE product_id = OLD.id
		AND sku = OLD.sku AND gram IN (SELECT gram FROM product_gram_scratch);
	DELETE FROM product_gram_name WHERE product_id = OLD.id
		AND name = OLD.name AND gram IN (SELECT gram FROM product_gram_scratch);
	DELETE FROM product_gram_scratch;
END;
CREATE TRIGGER product_gram_update AFTER UPDATE OF id, sku, name, name_en
ON product BEGIN
	INSERT OR IGNORE INTO product_gram_scratch(gram)
		SELECT gram FROM product_gram_source WHERE product_id = NEW.id;
	INSERT OR IGNORE INTO product_gram(gram, product_id)
		SELECT gram, NEW.id FROM product_gram_scratch;
	INSERT OR IGNORE INTO product_gram_sku(gram, sku, product_id)
		SELECT gram, NEW.sku, NEW.id FROM product_gram_scratch
		WHERE length(CAST(gram AS BLOB)) > length(gram);
	INSERT OR IGNORE INTO product_gram_name(gram, name, product_id)
		SELECT gram, NEW.name, NEW.id FROM product_gram_scratch
		WHERE length(CAST(gram AS BLOB)) > length(gram);
	DELETE FROM product_gram_scratch;
END;
CREATE TRIGGER product_gram_delete BEFORE DELETE ON product BEGIN
	INSERT OR IGNORE INTO product_gram_scratch(gram)
		SELECT gram FROM product_gram_source WHERE product_id = OLD.id;
	DELETE FROM product_gram WHERE product_id = OLD.id
		AND gram IN (SELECT gram FROM product_gram_scratch);
	DELETE FROM product_gram_sku WHERE product_id = OLD.id
		AND sku = OLD.sku AND gram IN (SELECT gram FROM product_gram_scratch);
	DELETE FROM product_gram_name WHERE product_id = OLD.id
		AND name = OLD.name AND gram IN (SELECT gram FROM product_gram_scratch);
	DELETE FROM product_gram_scratch;
END;

CREATE TRIGGER product_field_change AFTER UPDATE ON product
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'product', new.id, f.field, f.value,
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'product' AND c.row_id = new.id AND c.field = f.field
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	FROM (SELECT 'sku' AS field, CAST(new.sku AS TEXT) AS value
	      WHERE old.sku IS NOT new.sku
	      UNION ALL SELECT 'name', CAST(new.name AS TEXT)
	      WHERE old.name IS NOT new.name
	      UNION ALL SELECT 'name_en', CAST(new.name_en AS TEXT)
	      WHERE old.name_en IS NOT new.name_en
	      UNION ALL SELECT 'short_code', CAST(new.short_code AS TEXT)
	      WHERE old.short_code IS NOT new.short_code
	      UNION ALL SELECT 'unit', CAST(new.unit AS TEXT)
	      WHERE old.unit IS NOT new.unit
	      UNION ALL SELECT 'price', CAST(new.price AS TEXT)
	      WHERE old.price IS NOT new.price
	      UNION ALL SELECT 'reorder_level', CAST(new.reorder_level AS TEXT)
	      WHERE old.reorder_level IS NOT new.reorder_level
	      UNION ALL SELECT 'category', CAST(new.category AS TEXT)
	      WHERE old.category IS NOT new.category
	      UNION ALL SELECT 'active', CAST(new.active AS TEXT)
	      WHERE old.active IS NOT new.active) AS f;
END;
CREATE TRIGGER member_field_change AFTER UPDATE ON member
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
	INSERT INTO field_change(entity, row_id, field, value, base, site, actor)
	SELECT 'member', new.id, f.field, f.value,
	    (SELECT coalesce(c.gid, c.site || '.' || c.id) FROM field_change c
	     WHERE c.entity = 'member' AND c.row_id = new.id AND c.field = f.field
	     ORDER BY c.at DESC, c.site DESC, coalesce(c.gid, c.site || '.' || c.id) DESC
	     LIMIT 1),
	    (SELECT value FROM setting WHERE key = 'site_id'), new.updated_by
	FROM (SELECT 'code' AS field, CAST(new.code AS TEXT) AS value
	      WHERE old.code IS NOT new.code
	      UNION ALL SELECT 'name', CAST(new.name AS TEXT)
	      WHERE old.name IS NOT new.name
	      UNION ALL SELECT 'village', CAST(new.village AS TEXT)
	      WHERE old.village IS NOT new.village
	      UNION ALL SELECT 'phone', CAST(new.phone AS TEXT)
	      WHERE old.phone IS NOT new.phone
	      UNION ALL SELECT 'active', CAST(new.active AS TEXT)
	      WHERE old.active IS NOT new.active) AS f;
END;
