# Schema migrations, applied in order by src/db/db.c.
dist_sql_DATA += \
	share/sql/001-initial.sql
dist_sql_DATA += share/sql/003-catalog.sql
