-- coopstock schema, version 3: indexes for the catalogue.
--
-- Keyset paging by name (products and members) walks these indexes; the
-- rowid they carry is the tie-breaker, so (name, id) comes in index order.
-- A short code is typed in any case at order entry, so two products may
-- not have short codes differing only in case.

CREATE INDEX product_name ON product(name);
CREATE UNIQUE INDEX product_short_code_nocase
	ON product(short_code COLLATE NOCASE);
CREATE INDEX member_name ON member(name);
