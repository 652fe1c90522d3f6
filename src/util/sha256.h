/*
 * sha256.h - SHA-256 (FIPS 180-4), for the checksums in a sync bundle's
 * manifest.  coopstock links no crypto library, and libcrypt exposes no
 * plain digest, so this is the standard's algorithm written out, checked
 * against its test vectors in tests/unit/test_sha256.c.
 */
#ifndef COOPSTOCK_SHA256_H
#define COOPSTOCK_SHA256_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/status.h"

/* Bytes of a digest, and of its lower-case hex form with the NUL. */
#define SHA256_LEN 32
#define SHA256_HEX_SIZE 65

/* A running digest: init, update any number of times, final. */
struct sha256 {
	uint32_t h[8];
	uint64_t bytes; /* message length so far */
	unsigned char buf[64];
	size_t nbuf; /* bytes waiting in buf */
};

/* Start a new digest in *c. */
void sha256_init(struct sha256 *c);
/* Add n bytes at p (p may be NULL when n is 0). */
void sha256_update(struct sha256 *c, const void *p, size_t n);
/* Finish: out receives the 32-byte digest; *c must be re-initialised
 * before another use. */
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);
/* Digest of n bytes at p as lower-case hex into hex (65 bytes). */
void sha256_hex(const void *p, size_t n, char hex[SHA256_HEX_SIZE]);
/* Digest of the file at path as lower-case hex into hex.  Returns ST_OK,
 * or ST_FILE when it cannot be opened or read (errno tells why). */
enum status sha256_file(const char *path, char hex[SHA256_HEX_SIZE]);

#endif
