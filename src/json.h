/*
 * Writing JSON: one object per line for --json output, with strings
 * escaped so that any UTF-8 text round-trips.
 */
#ifndef TELEX_JSON_H
#define TELEX_JSON_H

#include <stdint.h>

#include "util.h"

void	 json_string(struct buf *, const char *);	/* null if NULL */
void	 json_key(struct buf *, int *first, const char *key);
void	 json_key_string(struct buf *, int *first, const char *, const char *);
void	 json_key_int(struct buf *, int *first, const char *, int64_t);
void	 json_key_bool(struct buf *, int *first, const char *, int);
void	 json_key_date(struct buf *, int *first, const char *, int64_t);
void	 json_key_strings(struct buf *, int *first, const char *,
	     char **, size_t);

#endif
