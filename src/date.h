/*
 * Dates as feeds write them: RFC 822 / 1123 (any zone name or offset,
 * weekday optional, two-digit years) and RFC 3339 / ISO 8601 (fractions,
 * offsets), read into seconds since the epoch, UTC.
 */
#ifndef TELEX_DATE_H
#define TELEX_DATE_H

#include <stddef.h>
#include <stdint.h>

/* A date that is not known: never stored as "now". */
#define DATE_NONE INT64_MIN

/* Parse s; DATE_NONE when it is not a date either format can read. */
int64_t	 date_parse(const char *s);

/* Write t as "2026-11-29T08:24:55Z" into out (at least 21 bytes). */
void	 date_format_iso(int64_t t, char *out, size_t size);

/* Write t as "2026-11-29 08:24" in local time, for lists. */
void	 date_format_short(int64_t t, char *out, size_t size);

#endif
