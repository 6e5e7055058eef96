/*
 * SHA-1 (FIPS 180-4), for matching the guid hashes a sync server keeps
 * ("SHA1:" and 40 hex digits) with the guids of items polled here.
 */
#ifndef TELEX_SHA1_H
#define TELEX_SHA1_H

#include <stddef.h>

/* The 40 lowercase hex digits of data's SHA-1, NUL-ended, into hex. */
void	 sha1_hex(const void *data, size_t len, char hex[41]);

#endif
