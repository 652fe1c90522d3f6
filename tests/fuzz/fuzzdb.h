/*
 * fuzzdb.h - a scratch coopstock database for the fuzz targets that import:
 * a temp directory holding the database, the input file and a sink for
 * the importer's messages, removed by fuzzdb_close().
 */
#ifndef COOPSTOCK_FUZZDB_H
#define COOPSTOCK_FUZZDB_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "db/db.h"
#include "util/status.h"

struct fuzzdb {
	char dir[64];  /* the temp directory */
	char path[96]; /* the database in it */
	char csv[96];  /* the input file in it */
	char out[96];  /* an export file in it */
	struct db *db;
	FILE *sink;    /* /dev/null for the importer's messages */
};

/* Create the directory and an empty database (a copy of one the process
 * created as the command line does, on its first call), acting as a
 * manager; aborts on any failure. */
void fuzzdb_open(struct fuzzdb *f);

/* Import one product (F1) and one member (M1) through the importer;
 * returns its status. */
enum status fuzzdb_seed(struct fuzzdb *f);

/* Write the n bytes at data to f->csv; aborts on failure. */
void fuzzdb_write(struct fuzzdb *f, const uint8_t *data, size_t n);

/* A text summary of every table's rows (caller frees), to compare the
 * database before and after a rejected run. */
char *fuzzdb_digest(struct fuzzdb *f);

/* 1 when integrity_check and model_check find no problem, else 0. */
int fuzzdb_healthy(struct fuzzdb *f);

/* Close the database and remove the directory and its files. */
void fuzzdb_close(struct fuzzdb *f);

#endif
