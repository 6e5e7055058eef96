/*
 * Date parsing for feeds: RFC 822 and its sloppy relatives, ISO 8601 and
 * W3C-DTF, a few local forms.  Arithmetic is done by hand (days from the
 * civil calendar) so the TZ environment never matters.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"
#include "util.h"

struct date_parts {
	int	 year;
	int	 mon;
	int	 day;
	int	 hour;
	int	 min;
	int	 sec;
	int	 off;		/* zone offset, seconds east of UTC */
	int	 yday;		/* ordinal day instead of mon and day, or 0 */
	int	 week;		/* yday is from a week date: may leave the year */
};

struct date_name {
	const char	*name;
	int		 value;
};

/*
 * Month names as feeds write them.  A word names a month when it is a
 * prefix of at least three letters of one of these (so "Sep", "Sept."
 * and "September"); the first match wins.
 */
static const struct date_name date_months[] = {
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 },
	{ "may", 5 }, { "june", 6 }, { "july", 7 }, { "august", 8 },
	{ "september", 9 }, { "october", 10 }, { "november", 11 },
	{ "december", 12 },
	/* German, French, Spanish, Hungarian. */
	{ "januar", 1 }, { "februar", 2 }, { "märz", 3 }, { "mai", 5 },
	{ "juni", 6 }, { "juli", 7 }, { "oktober", 10 }, { "dezember", 12 },
	{ "janvier", 1 }, { "février", 2 }, { "mars", 3 }, { "avril", 4 },
	{ "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "septembre", 9 },
	{ "octobre", 10 }, { "novembre", 11 }, { "décembre", 12 },
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 },
	{ "mayo", 5 }, { "junio", 6 }, { "julio", 7 }, { "agosto", 8 },
	{ "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
	{ "noviembre", 11 }, { "diciembre", 12 },
	{ "január", 1 }, { "február", 2 }, { "március", 3 }, { "április", 4 },
	{ "május", 5 }, { "június", 6 }, { "július", 7 },
	{ "augusztus", 8 }, { "szeptember", 9 }, { "október", 10 },
	/* Greek, with and without accents. */
	{ "Ιανουάριος", 1 }, { "Ιανουαριος", 1 }, { "Φεβρουάριος", 2 },
	{ "Φεβρουαριος", 2 }, { "Μάρτιος", 3 }, { "Μαρτιος", 3 },
	{ "Απρίλιος", 4 }, { "Απριλιος", 4 }, { "Μάιος", 5 }, { "Μαΐου", 5 },
	{ "Μαιος", 5 }, { "Ιούνιος", 6 }, { "Ιουνιος", 6 }, { "Ιούλιος", 7 },
	{ "Ιουλιος", 7 }, { "Αύγουστος", 8 }, { "Αυγουστος", 8 },
	{ "Σεπτέμβριος", 9 }, { "Σεπτεμβριος", 9 }, { "Οκτώβριος", 10 },
	{ "Οκτωβριος", 10 }, { "Νοέμβριος", 11 }, { "Νοεμβριος", 11 },
	{ "Δεκέμβριος", 12 }, { "Δεκεμβριος", 12 }
};

/* Zone names and their offsets in minutes east of UTC. */
static const struct date_name date_zones[] = {
	{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 },
	{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
	{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	{ "AT", -240 }, { "ET", -300 }, { "CT", -360 }, { "MT", -420 },
	{ "PT", -480 }, { "AST", -240 }, { "ADT", -180 }, { "AKST", -540 },
	{ "AKDT", -480 }, { "HST", -600 }, { "NST", -210 }, { "NDT", -150 },
	{ "BST", 60 }, { "IST", 330 }, { "WEST", 60 }, { "CET", 60 },
	{ "CEST", 120 }, { "MET", 60 }, { "MEST", 120 }, { "MEZ", 60 },
	{ "MESZ", 120 }, { "EET", 120 }, { "EEST", 180 }, { "MSK", 180 },
	{ "SAST", 120 }, { "PKT", 300 }, { "ICT", 420 }, { "WIB", 420 },
	{ "HKT", 480 }, { "SGT", 480 }, { "AWST", 480 }, { "JST", 540 },
	{ "KST", 540 }, { "ACST", 570 }, { "ACDT", 630 }, { "AEST", 600 },
	{ "AEDT", 660 }, { "NZST", 720 }, { "NZDT", 780 }
};

static int
date_is_leap(int64_t y)
{
	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

static int
date_days_in_month(int y, int m)
{
	static const int	 days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && date_is_leap(y))
		return (29);
	return (days[m - 1]);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t
date_days_from_civil(int64_t y, int m, int d)
{
	int64_t	 era, yoe, doy, doe;

	if (m <= 2)
		y--;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

/* The inverse of date_days_from_civil. */
static void
date_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Check the fields and turn them into seconds since the epoch, UTC. */
static int64_t
date_finish(const struct date_parts *dp)
{
	int64_t	 days;

	if (dp->year < 0 || dp->year > 9999)
		return (DATE_NONE);
	if (dp->yday != 0 || dp->week) {
		if (!dp->week &&
		    (dp->yday < 1 || dp->yday > 365 + date_is_leap(dp->year)))
			return (DATE_NONE);
		days = date_days_from_civil(dp->year, 1, 1) + dp->yday - 1;
	} else {
		if (dp->mon < 1 || dp->mon > 12 || dp->day < 1 ||
		    dp->day > date_days_in_month(dp->year, dp->mon))
			return (DATE_NONE);
		days = date_days_from_civil(dp->year, dp->mon, dp->day);
	}
	if (dp->hour < 0 || dp->hour > 24 || dp->min < 0 || dp->min > 59 ||
	    dp->sec < 0 || dp->sec > 60)
		return (DATE_NONE);
	if (dp->hour == 24 && (dp->min != 0 || dp->sec != 0))
		return (DATE_NONE);
	return (days * 86400 + dp->hour * 3600 + dp->min * 60 + dp->sec -
	    dp->off);
}

/* RFC 2822 rule for short years: 00-49 are 20xx, 50-99 are 19xx. */
static int
date_full_year(int year, size_t ndigits)
{
	if (ndigits == 2)
		return (year < 50 ? 2000 + year : 1900 + year);
	if (ndigits == 3)
		return (1900 + year);
	return (year);
}

/* Read between min and max digits at *p into *v; -1 if fewer than min. */
static int
date_digits(const char **p, size_t min, size_t max, int *v)
{
	const char	*s = *p;
	size_t		 n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)s[n])) {
		*v = *v * 10 + (s[n] - '0');
		n++;
	}
	if (n < min)
		return (-1);
	*p = s + n;
	return ((int)n);
}

static size_t
date_count_digits(const char *s)
{
	size_t	 n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	return (n);
}

/* Length of the word at s: ASCII letters and any non-ASCII bytes. */
static size_t
date_word_len(const char *s)
{
	size_t	 n = 0;

	while (isalpha((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80)
		n++;
	return (n);
}

/* Characters (not continuation bytes) in len bytes of UTF-8. */
static size_t
date_utf8_chars(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	}
	return (n);
}

/* Month named by the len-byte word at s, or 0. */
static int
date_month(const char *s, size_t len)
{
	const struct date_name	*dn;
	size_t			 i;

	if (date_utf8_chars(s, len) < 3)
		return (0);
	for (i = 0; i < UTIL_ARRLEN(date_months); i++) {
		dn = &date_months[i];
		if (len <= strlen(dn->name) &&
		    strncasecmp(s, dn->name, len) == 0)
			return (dn->value);
	}
	return (0);
}

/*
 * Offset of a one-letter military zone in minutes.  RFC 822 printed
 * these with the signs reversed; this follows the military use (A is
 * one hour east), and J, which names local time, is not a zone.
 */
static int
date_military(char c, int *off)
{
	c = (char)toupper((unsigned char)c);
	if (c == 'Z')
		*off = 0;
	else if (c >= 'A' && c <= 'I')
		*off = (c - 'A' + 1) * 60;
	else if (c >= 'K' && c <= 'M')
		*off = (c - 'K' + 10) * 60;
	else if (c >= 'N' && c <= 'Y')
		*off = -(c - 'N' + 1) * 60;
	else
		return (-1);
	return (0);
}

/* Offset in minutes of the zone named by the len-byte word at s. */
static int
date_zone_name(const char *s, size_t len, int *off)
{
	size_t	 i;

	if (len == 1)
		return (date_military(*s, off));
	for (i = 0; i < UTIL_ARRLEN(date_zones); i++) {
		if (strlen(date_zones[i].name) == len &&
		    strncasecmp(s, date_zones[i].name, len) == 0) {
			*off = date_zones[i].value;
			return (0);
		}
	}
	return (-1);
}

/* A numeric offset at *p: +hh, +hhmm or +hh:mm (or -). */
static int
date_offset(const char **p, int *off)
{
	const char	*s = *p;
	int		 sign, hh, mm = 0, n;

	if (*s != '+' && *s != '-')
		return (-1);
	sign = *s++ == '-' ? -1 : 1;
	if ((n = date_digits(&s, 1, 4, &hh)) < 0 || n == 3)
		return (-1);
	if (n == 4) {
		mm = hh % 100;
		hh /= 100;
	} else if (*s == ':') {
		s++;
		if (date_digits(&s, 2, 2, &mm) < 0)
			return (-1);
	}
	if (hh > 23 || mm > 59)
		return (-1);
	*off = sign * (hh * 3600 + mm * 60);
	*p = s;
	return (0);
}

/* Could the word be a zone abbreviation: two to five capitals? */
static int
date_zone_like(const char *s, size_t len)
{
	size_t	 i;

	if (len < 2 || len > 5)
		return (0);
	for (i = 0; i < len; i++) {
		if (s[i] < 'A' || s[i] > 'Z')
			return (0);
	}
	return (1);
}

/*
 * A zone at *p after optional space: a numeric offset, a name, a name
 * with an offset ("GMT+01:00", "Etc/GMT").  An unknown name in capitals
 * is read as UTC; no zone at all leaves the offset at 0 and *p as it was.
 */
static int
date_zone(const char **p, int *off)
{
	const char	*s = *p;
	size_t		 len;
	int		 m;

	*off = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+' || *s == '-') {
		if (date_offset(&s, off) != 0)
			return (-1);
		*p = s;
		return (0);
	}
	if (strncasecmp(s, "Etc/", 4) == 0)
		s += 4;
	if ((len = date_word_len(s)) == 0)
		return (0);
	if (date_zone_name(s, len, &m) == 0)
		*off = m * 60;
	else if (!date_zone_like(s, len))
		return (0);
	s += len;
	if ((*s == '+' || *s == '-') && date_offset(&s, off) != 0)
		return (-1);
	*p = s;
	return (0);
}

/* Skip space and the separators that sloppy dates put between fields. */
static const char *
date_skip(const char *s, const char *seps)
{
	while (*s != '\0' && (isspace((unsigned char)*s) ||
	    strchr(seps, *s) != NULL))
		s++;
	return (s);
}

/* What may follow a date: space, a "(comment)", then the end. */
static int
date_at_end(const char *s)
{
	s = date_skip(s, "");
	if (*s == '(') {
		while (*s != '\0' && *s != ')')
			s++;
		if (*s == ')')
			s++;
		s = date_skip(s, "");
	}
	return (*s == '\0');
}

/* "AM" or "PM" after a time of day: fix the hour, -1 if it cannot be. */
static int
date_meridian(const char **p, struct date_parts *dp)
{
	const char	*s = date_skip(*p, "");
	int		 pm;

	if (date_word_len(s) != 2 || toupper((unsigned char)s[1]) != 'M')
		return (0);
	if (toupper((unsigned char)s[0]) == 'P')
		pm = 1;
	else if (toupper((unsigned char)s[0]) == 'A')
		pm = 0;
	else
		return (0);
	if (dp->hour < 1 || dp->hour > 12)
		return (-1);
	dp->hour = dp->hour % 12 + (pm ? 12 : 0);
	*p = s + 2;
	return (0);
}

/*
 * A time of day at *p: h:mm[:ss] (one-digit fields tolerated) or the ISO
 * basic hhmm[ss], then an ignored fraction and an optional AM or PM.
 */
static int
date_clock(const char **p, struct date_parts *dp)
{
	const char	*s = *p;
	size_t		 n;

	n = date_count_digits(s);
	if ((n == 4 || n == 6) && s[n] != ':') {
		date_digits(&s, 2, 2, &dp->hour);
		date_digits(&s, 2, 2, &dp->min);
		if (n == 6)
			date_digits(&s, 2, 2, &dp->sec);
	} else {
		if (n < 1 || n > 2 || s[n] != ':')
			return (-1);
		date_digits(&s, 1, 2, &dp->hour);
		s++;
		if (date_digits(&s, 1, 2, &dp->min) < 0)
			return (-1);
		if (*s == ':') {
			s++;
			if (date_digits(&s, 1, 2, &dp->sec) < 0)
				return (-1);
		}
	}
	if ((*s == '.' || *s == ',') && isdigit((unsigned char)s[1])) {
		s++;
		while (isdigit((unsigned char)*s))
			s++;
	}
	if (date_meridian(&s, dp) != 0)
		return (-1);
	*p = s;
	return (0);
}

/* ISO week date: week w (1-53), weekday d (1 Monday to 7) of dp->year. */
static int
date_iso_week(struct date_parts *dp, int w, int d)
{
	int64_t	 jan4;
	int	 wd;

	if (w < 1 || w > 53 || d < 1 || d > 7)
		return (-1);
	jan4 = date_days_from_civil(dp->year, 1, 4);
	wd = (int)(((jan4 % 7) + 7 + 3) % 7) + 1;
	dp->yday = w * 7 + d - (wd + 3);
	dp->week = 1;
	return (0);
}

/* After "YYYY-" or "YYYY": Www[-D] or WwwD. */
static int
date_iso_week_part(const char **p, struct date_parts *dp)
{
	const char	*s = *p + 1;
	int		 w, d = 1;

	if (date_digits(&s, 2, 2, &w) < 0)
		return (-1);
	if (*s == '-')
		s++;
	if (isdigit((unsigned char)*s))
		date_digits(&s, 1, 1, &d);
	*p = s;
	return (date_iso_week(dp, w, d));
}

/* After "YYYY-": MM[-DD], DDD, Www[-D], or a month name ("2004-july-13"). */
static int
date_iso_extended(const char **p, struct date_parts *dp)
{
	const char	*s = *p;
	size_t		 n;

	dp->day = 1;
	if (*s == 'W')
		return (date_iso_week_part(p, dp));
	if ((n = date_word_len(s)) > 0) {
		if ((dp->mon = date_month(s, n)) == 0)
			return (-1);
		s += n;
	} else {
		n = date_count_digits(s);
		if (n == 3 && s[3] != '-') {
			date_digits(&s, 3, 3, &dp->yday);
			*p = s;
			return (0);
		}
		if (date_digits(&s, 1, 3, &dp->mon) < 0)
			return (-1);
	}
	if (*s == '-') {
		s++;
		if (date_digits(&s, 1, 2, &dp->day) < 0)
			return (-1);
	}
	*p = s;
	return (0);
}

/* Truncated ISO 8601 with the century implied: -YY, -YYMM, -YY-MM. */
static int
date_iso_truncated(const char **p, struct date_parts *dp)
{
	const char	*s = *p + 1;

	if (date_digits(&s, 2, 2, &dp->year) < 0)
		return (-1);
	dp->year = date_full_year(dp->year, 2);
	dp->mon = dp->day = 1;
	if (*s == '-')
		s++;
	if (isdigit((unsigned char)*s) && date_digits(&s, 2, 2, &dp->mon) < 0)
		return (-1);
	*p = s;
	return (0);
}

/* The date part of an ISO 8601 date, basic or extended. */
static int
date_iso_date(const char **p, struct date_parts *dp)
{
	const char	*s = *p;
	size_t		 n;

	if (*s == '-')
		return (date_iso_truncated(p, dp));
	n = date_count_digits(s);
	dp->mon = dp->day = 1;
	if (n == 8 || n == 6) {
		date_digits(&s, n - 4, n - 4, &dp->year);
		dp->year = date_full_year(dp->year, n - 4);
		date_digits(&s, 2, 2, &dp->mon);
		date_digits(&s, 2, 2, &dp->day);
	} else if (n == 7) {
		date_digits(&s, 4, 4, &dp->year);
		date_digits(&s, 3, 3, &dp->yday);
	} else if (n == 4 || (n == 2 && s[2] == '-')) {
		date_digits(&s, n, n, &dp->year);
		dp->year = date_full_year(dp->year, n);
		if (*s == '-') {
			s++;
			if (date_iso_extended(&s, dp) != 0)
				return (-1);
		} else if (*s == 'W' && date_iso_week_part(&s, dp) != 0)
			return (-1);
	} else
		return (-1);
	*p = s;
	return (0);
}

/* RFC 3339, ISO 8601 and W3C-DTF: a date, then maybe a time and zone. */
static int64_t
date_parse_iso(const char *s)
{
	struct date_parts	 dp;

	memset(&dp, 0, sizeof dp);
	if (date_iso_date(&s, &dp) != 0)
		return (DATE_NONE);
	if (*s == 'T' || *s == 't' ||
	    (isspace((unsigned char)*s) && isdigit((unsigned char)
	    *date_skip(s, "")))) {
		s = date_skip(s + 1, "");
		if (date_clock(&s, &dp) != 0 || date_zone(&s, &dp.off) != 0)
			return (DATE_NONE);
	}
	if (!date_at_end(s))
		return (DATE_NONE);
	return (date_finish(&dp));
}

/* The numeric date of a Perforce-style "Fri, 2006/09/15 08:19:53 EDT". */
static int
date_rfc_numeric(const char **p, struct date_parts *dp)
{
	const char	*s = *p;

	if (date_digits(&s, 4, 4, &dp->year) < 0 || *s++ != '/' ||
	    date_digits(&s, 1, 2, &dp->mon) < 0 || *s++ != '/' ||
	    date_digits(&s, 1, 2, &dp->day) < 0)
		return (-1);
	*p = s;
	return (0);
}

/* A month name at *p, then the separators after it. */
static int
date_rfc_month(const char **p, struct date_parts *dp)
{
	size_t	 len;

	len = date_word_len(*p);
	if (len == 0 || (dp->mon = date_month(*p, len)) == 0)
		return (-1);
	*p = date_skip(*p + len, ".,-");
	return (0);
}

static int
date_rfc_year(const char **p, struct date_parts *dp)
{
	int	 n;

	if ((n = date_digits(p, 2, 4, &dp->year)) < 0 ||
	    isdigit((unsigned char)**p))
		return (-1);
	dp->year = date_full_year(dp->year, (size_t)n);
	return (0);
}

/* "29 Nov 2026", "29-Nov-26", "2026/11/29". */
static int
date_rfc_day_first(const char **p, struct date_parts *dp)
{
	const char	*s = *p;

	if (date_count_digits(s) == 4 && s[4] == '/')
		return (date_rfc_numeric(p, dp));
	if (date_digits(&s, 1, 2, &dp->day) < 0)
		return (-1);
	s = date_skip(s, ".,-");
	if (date_rfc_month(&s, dp) != 0 || date_rfc_year(&s, dp) != 0)
		return (-1);
	*p = s;
	return (0);
}

/*
 * "Nov 29, 2026" and "Nov 29 2026 08:24"; in asctime's "Nov 29 08:24:55
 * 2026" the year comes after the time and is left for the caller (-1).
 */
static int
date_rfc_month_first(const char **p, struct date_parts *dp)
{
	const char	*s = *p;
	size_t		 n;

	if (date_rfc_month(&s, dp) != 0 || date_digits(&s, 1, 2, &dp->day) < 0)
		return (-1);
	if (strncasecmp(s, "st", 2) == 0 || strncasecmp(s, "nd", 2) == 0 ||
	    strncasecmp(s, "rd", 2) == 0 || strncasecmp(s, "th", 2) == 0)
		s += 2;
	s = date_skip(s, ",");
	n = date_count_digits(s);
	if (n >= 1 && n <= 2 && s[n] == ':')
		dp->year = -1;
	else if (date_rfc_year(&s, dp) != 0)
		return (-1);
	*p = s;
	return (0);
}

/* The time, zone and (asctime) year after an RFC 822 style date. */
static int
date_rfc_rest(const char *s, struct date_parts *dp)
{
	s = date_skip(s, ",");
	if (dp->year != -1 && date_at_end(s))
		return (0);
	if (date_clock(&s, dp) != 0 || date_zone(&s, &dp->off) != 0)
		return (-1);
	if (dp->year == -1) {
		s = date_skip(s, "");
		if (date_rfc_year(&s, dp) != 0 || dp->year < 1000)
			return (-1);
	}
	return (date_at_end(s) ? 0 : -1);
}

/*
 * RFC 822 and its relatives: any weekday word (or none), day and month
 * in either order, 2-4 digit years, time with or without seconds, any
 * zone; asctime and Perforce forms too.
 */
static int64_t
date_parse_rfc(const char *s)
{
	struct date_parts	 dp;
	size_t			 len;

	memset(&dp, 0, sizeof dp);
	s = date_skip(s, "");
	len = date_word_len(s);
	if (len > 0 && date_month(s, len) == 0)
		s = date_skip(s + len, ".,");
	if (isdigit((unsigned char)*s)) {
		if (date_rfc_day_first(&s, &dp) != 0)
			return (DATE_NONE);
	} else if (date_rfc_month_first(&s, &dp) != 0)
		return (DATE_NONE);
	if (date_rfc_rest(s, &dp) != 0)
		return (DATE_NONE);
	return (date_finish(&dp));
}

/* Skip the UTF-8 word w at *p if it is there. */
static int
date_skip_word(const char **p, const char *w)
{
	size_t	 len = strlen(w);

	if (strncmp(*p, w, len) != 0)
		return (0);
	*p = date_skip(*p + len, "");
	return (1);
}

/*
 * Korean blogs: "2004년 05월 28일 01:31:15" and "2004-05-25 오후
 * 11:23:17" (오전 is AM, 오후 PM), in Korean time.
 */
static int64_t
date_parse_korean(const char *s)
{
	struct date_parts	 dp;
	int			 pm;

	memset(&dp, 0, sizeof dp);
	s = date_skip(s, "");
	if (date_digits(&s, 4, 4, &dp.year) < 0)
		return (DATE_NONE);
	if (date_skip_word(&s, "년")) {
		if (date_digits(&s, 1, 2, &dp.mon) < 0 ||
		    !date_skip_word(&s, "월") ||
		    date_digits(&s, 1, 2, &dp.day) < 0 ||
		    !date_skip_word(&s, "일"))
			return (DATE_NONE);
	} else if (*s++ != '-' || date_digits(&s, 1, 2, &dp.mon) < 0 ||
	    *s++ != '-' || date_digits(&s, 1, 2, &dp.day) < 0)
		return (DATE_NONE);
	s = date_skip(s, "");
	pm = date_skip_word(&s, "오후");
	if (!pm && !date_skip_word(&s, "오전") && *s == '\0')
		return (DATE_NONE);
	if (date_clock(&s, &dp) != 0 || !date_at_end(s))
		return (DATE_NONE);
	if (pm && dp.hour < 12)
		dp.hour += 12;
	dp.off = 9 * 3600;
	return (date_finish(&dp));
}

int64_t
date_parse(const char *s)
{
	int64_t	 t;

	if (s == NULL || *(s = date_skip(s, "")) == '\0')
		return (DATE_NONE);
	if ((t = date_parse_iso(s)) != DATE_NONE)
		return (t);
	if ((t = date_parse_rfc(s)) != DATE_NONE)
		return (t);
	return (date_parse_korean(s));
}

void
date_format_iso(int64_t t, char *out, size_t size)
{
	int64_t	 days, secs, y;
	int	 m, d;

	if (size == 0)
		return;
	if (t == DATE_NONE) {
		*out = '\0';
		return;
	}
	days = t / 86400;
	secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	date_civil_from_days(days, &y, &m, &d);
	snprintf(out, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y,
	    m, d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

/* An unknown date shows as "-"; a time localtime cannot take, as UTC. */
void
date_format_short(int64_t t, char *out, size_t size)
{
	struct tm	 tm;
	time_t		 tt;
	char		 iso[32];

	if (size == 0)
		return;
	if (t == DATE_NONE) {
		snprintf(out, size, "-");
		return;
	}
	tt = (time_t)t;
	if ((int64_t)tt == t && localtime_r(&tt, &tm) != NULL &&
	    strftime(out, size, "%Y-%m-%d %H:%M", &tm) != 0)
		return;
	date_format_iso(t, iso, sizeof iso);
	snprintf(out, size, "%.10s %.5s", iso, iso + 11);
}
