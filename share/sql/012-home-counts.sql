-- coopstock schema, version 12: indexes for Home's counts.
--
-- Home counts the orders to confirm, pack and ship, this site's apart
-- from other sites' (gid IS NULL: made here), and the products at or
-- below their reorder level, each time it is drawn.  With only
-- orders_status (status, id) every live order's row was read for its gid;
-- orders_live holds the live orders alone, with their gid, so each count
-- is a range of it (status = ? AND gid IS NULL, or gid > NULL).  A query
-- uses it only if its WHERE repeats the IN list below word for word.
-- Shipped, delivered, cancelled and returned orders, the most of a
-- year's, cost it nothing.
CREATE INDEX orders_live ON orders(status, gid)
	WHERE status IN ('new', 'confirmed', 'packed');

-- The low-stock count walks the active products' reorder levels and ids
-- here instead of the product rows (names and all).
CREATE INDEX product_reorder ON product(active, reorder_level);
