-- coopstock schema, version 11: an index for searching product names.
--
-- product_gram lists, for each product, every distinct character and
-- every distinct pair of adjacent characters of lower(name) and of
-- lower(name_en) (SQLite's lower(): ASCII only, as the search compares).
-- A text that instr() finds in a name has all its pairs (one character:
-- itself) in this list, so the products posted under its rarest pair are
-- a superset of the matches, and for one or two characters exactly them;
-- instr() stays the final filter.  FTS5's trigram tokenizer cannot do
-- this: it finds nothing shorter than three characters.
--
-- Triggers keep the list in step with every write to product, whoever
-- makes it.  A trigger may not use WITH, so the character positions come
-- from json_each over a JSON array of length(s) zeros.

CREATE TABLE product_gram (
	gram       TEXT NOT NULL,
	product_id INTEGER NOT NULL,
	PRIMARY KEY (gram, product_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO product_gram(gram, product_id)
	SELECT substr(t.s, j.key + 1, w.n), t.id
	FROM (SELECT id, lower(name) AS s FROM product
	      UNION ALL SELECT id, lower(name_en) FROM product) AS t,
	     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
	         '00', ',0'), 2) || ']') AS j,
	     (SELECT 1 AS n UNION ALL SELECT 2) AS w
	WHERE j.key + w.n <= length(t.s);

CREATE TRIGGER product_gram_insert AFTER INSERT ON product BEGIN
	INSERT OR IGNORE INTO product_gram(gram, product_id)
		SELECT substr(t.s, j.key + 1, w.n), NEW.id
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2) AS w
		WHERE j.key + w.n <= length(t.s);
END;

CREATE TRIGGER product_gram_delete AFTER DELETE ON product BEGIN
	DELETE FROM product_gram WHERE product_id = OLD.id AND gram IN (
		SELECT substr(t.s, j.key + 1, w.n)
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2) AS w
		WHERE j.key + w.n <= length(t.s));
END;

CREATE TRIGGER product_gram_update AFTER UPDATE OF id, name, name_en
ON product BEGIN
	DELETE FROM product_gram WHERE product_id = OLD.id AND gram IN (
		SELECT substr(t.s, j.key + 1, w.n)
		FROM (SELECT lower(OLD.name) AS s
		      UNION ALL SELECT lower(OLD.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2) AS w
		WHERE j.key + w.n <= length(t.s));
	INSERT OR IGNORE INTO product_gram(gram, product_id)
		SELECT substr(t.s, j.key + 1, w.n), NEW.id
		FROM (SELECT lower(NEW.name) AS s
		      UNION ALL SELECT lower(NEW.name_en)) AS t,
		     json_each('[' || substr(replace(hex(zeroblob(length(t.s))),
		         '00', ',0'), 2) || ']') AS j,
		     (SELECT 1 AS n UNION ALL SELECT 2) AS w
		WHERE j.key + w.n <= length(t.s);
END;
