-- coopstock schema, version 11: an index for searching product names.
--
-- product_gram lists, for each product, every distinct character, every
-- distinct pair of adjacent characters and every distinct run of three
-- ASCII characters of lower(name) and of lower(name_en) (SQLite's
-- lower(): ASCII only, as the search compares).  A text that instr()
-- finds in a name has all its pairs (one character: itself; ASCII text
-- of three or more: its triples) in this list, so the products posted
-- under its rarest gram are a superset of the matches, and for one or
-- two characters exactly them; instr() stays the final filter.  FTS5's
-- trigram tokenizer cannot do this: it finds nothing shorter than three
-- characters.  ASCII triples are there because English pairs are common
-- (ho, od) where the triple (hod) is rare or absent.
--
-- product_gram_sku and product_gram_name post the grams that are not
-- plain ASCII (Chinese, mostly) once more, in the list's two orders, so a
-- page of the products having 蜂 is a range of an index read in order,
-- however many products have it and wherever they sort.  (ASCII grams
-- would triple the size; an English or SKU search reads product_gram.)
--
-- Triggers keep the lists in step with every write to product, whoever
-- makes it.  A trigger may not use WITH, so the character positions come
-- from json_each over a JSON array of length(s) zeros.

CREATE TABLE product_gram (
	gram       TEXT NOT NULL,
	product_id INTEGER NOT NULL,
	PRIMARY KEY (gram, product_id)
) WITHOUT ROWID;

CREATE TABLE product_gram_sku (
	gram       TEXT NOT NULL,
	sku        TEXT NOT NULL,
	product_id INTEGER NOT NULL,
	PRIMARY KEY (gram, sku, product_id)
) WITHOUT ROWID;

CREATE TABLE product_gram_name (
	gram       TEXT NOT NULL,
	name       TEXT NOT NULL,
	product_id INTEGER NOT NULL,
	PRIMARY KEY (gram, name, product_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO product_gram(gram, product_id)
	SELECT substr(t.s, j.key + 1, w.n), t.id
	FROM (SELECT id, sku, name, lower(name) AS s FROM product
	      UNION ALL SELECT id, sku, name, lower(name_en) FROM product) AS t,
	     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
	         '00', ',0'), 2) || ']') AS j,
	     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
	WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3);
INSERT OR IGNORE INTO product_gram_sku(gram, sku, product_id)
	SELECT substr(t.s, j.key + 1, w.n), t.sku, t.id
	FROM (SELECT id, sku, name, lower(name) AS s FROM product
	      UNION ALL SELECT id, sku, name, lower(name_en) FROM product) AS t,
	     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
	         '00', ',0'), 2) || ']') AS j,
	     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
	WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)
	  AND length(CAST(substr(t.s, j.key + 1, w.n) AS BLOB)) > w.n;
INSERT OR IGNORE INTO product_gram_name(gram, name, product_id)
	SELECT substr(t.s, j.key + 1, w.n), t.name, t.id
	FROM (SELECT id, sku, name, lower(name) AS s FROM product
	      UNION ALL SELECT id, sku, name, lower(name_en) FROM product) AS t,
	     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
	         '00', ',0'), 2) || ']') AS j,
	     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
	WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)
	  AND length(CAST(substr(t.s, j.key + 1, w.n) AS BLOB)) > w.n;

CREATE TRIGGER product_gram_insert AFTER INSERT ON product BEGIN
	INSERT OR IGNORE INTO product_gram(gram, product_id)
		SELECT g.gram, NEW.id FROM (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)) AS g;
	INSERT OR IGNORE INTO product_gram_sku(gram, sku, product_id)
		SELECT g.gram, NEW.sku, NEW.id FROM (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)) AS g
		WHERE length(CAST(g.gram AS BLOB)) > length(g.gram);
	INSERT OR IGNORE INTO product_gram_name(gram, name, product_id)
		SELECT g.gram, NEW.name, NEW.id FROM (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)) AS g
		WHERE length(CAST(g.gram AS BLOB)) > length(g.gram);
END;

CREATE TRIGGER product_gram_delete AFTER DELETE ON product BEGIN
	DELETE FROM product_gram WHERE product_id = OLD.id AND gram IN (
		SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3));
	DELETE FROM product_gram_sku WHERE product_id = OLD.id
		AND sku = OLD.sku AND gram IN (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3));
	DELETE FROM product_gram_name WHERE product_id = OLD.id
		AND name = OLD.name AND gram IN (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3));
END;

CREATE TRIGGER product_gram_update AFTER UPDATE OF id, sku, name, name_en
ON product BEGIN
	DELETE FROM product_gram WHERE product_id = OLD.id AND gram IN (
		SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3));
	DELETE FROM product_gram_sku WHERE product_id = OLD.id
		AND sku = OLD.sku AND gram IN (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3));
	DELETE FROM product_gram_name WHERE product_id = OLD.id
		AND name = OLD.name AND gram IN (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3));
	INSERT OR IGNORE INTO product_gram(gram, product_id)
		SELECT g.gram, NEW.id FROM (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)) AS g;
	INSERT OR IGNORE INTO product_gram_sku(gram, sku, product_id)
		SELECT g.gram, NEW.sku, NEW.id FROM (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)) AS g
		WHERE length(CAST(g.gram AS BLOB)) > length(g.gram);
	INSERT OR IGNORE INTO product_gram_name(gram, name, product_id)
		SELECT g.gram, NEW.name, NEW.id FROM (SELECT substr(t.s, j.key + 1, w.n) AS gram
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS w
		WHERE j.key + w.n <= length(t.s) AND (w.n < 3
		  OR length(CAST(substr(t.s, j.key + 1, 3) AS BLOB)) = 3)) AS g
		WHERE length(CAST(g.gram AS BLOB)) > length(g.gram);
END;
