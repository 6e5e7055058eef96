/*
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read into the
 * same struct feed_item and callback as RSS and Atom; feed_parse_typed
 * calls it when the document or its Content-Type says JSON.
 */
#ifndef TELEX_PARSE_JSON_H
#define TELEX_PARSE_JSON_H

#include <stddef.h>

#include "parse.h"

/*
 * 1 when the document is to be read as JSON: its first character past a
 * byte order mark and white space is '{' (or '['), or content_type (may
 * be NULL) is a JSON type and the document does not start with '<'.
 */
int	 parse_json_sniff(const char *data, size_t len,
	     const char *content_type);

/*
 * Parse a JSON Feed as feed_parse does an XML one: 0 with *info filled and
 * cb called per item (a document broken part way keeps the items before
 * the break, info->damaged set), or -1 with *cause set when the document
 * is not JSON or not a JSON Feed.  content_type may be NULL.
 */
int	 parse_json_feed(const char *data, size_t len, const char *url,
	     const char *content_type, struct feed_info *info,
	     feed_item_cb cb, void *arg, char **cause);

#endif
