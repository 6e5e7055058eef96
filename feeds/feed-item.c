/*
 * Feed items as every parser hands them over (feeds/parse.c for XML,
 * feeds/parse-json.c for JSON Feed): copying, freeing, a guid for items
 * without one, and the published date readers infer.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "parse.h"
#include "util.h"

#define FEED_ITEM_HASH_PREFIX	256

/* FNV-1a, 64 bits. */
static uint64_t
feed_item_fnv1a(uint64_t h, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return (h);
}

char *
feed_item_hash_guid(const struct feed_item *it)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;
	char		 date[32];
	size_t		 n;

	if (it->title != NULL)
		h = feed_item_fnv1a(h, it->title, strlen(it->title));
	h = feed_item_fnv1a(h, "\n", 1);
	snprintf(date, sizeof date, "%" PRId64, it->published != DATE_NONE ?
	    it->published : it->updated);
	h = feed_item_fnv1a(h, date, strlen(date));
	h = feed_item_fnv1a(h, "\n", 1);
	if (it->html != NULL) {
		n = strlen(it->html);
		if (n > FEED_ITEM_HASH_PREFIX)
			n = FEED_ITEM_HASH_PREFIX;
		h = feed_item_fnv1a(h, it->html, n);
	}
	return (xasprintf("telex:%016" PRIx64, h));
}

void
feed_item_infer_published(struct feed_item *it)
{
	if (it->published == DATE_NONE && it->updated != DATE_NONE) {
		it->published = it->updated;
		it->published_inferred = 1;
	}
}

static char *
feed_item_dup(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

void
feed_item_copy(struct feed_item *dst, const struct feed_item *src)
{
	size_t	 i;

	*dst = *src;
	dst->guid = xstrdup(src->guid);
	dst->url = feed_item_dup(src->url);
	dst->title = feed_item_dup(src->title);
	dst->author = feed_item_dup(src->author);
	dst->html = feed_item_dup(src->html);
	dst->base = feed_item_dup(src->base);
	dst->categories = xcalloc(src->ncategories + 1,
	    sizeof *dst->categories);
	for (i = 0; i < src->ncategories; i++)
		dst->categories[i] = xstrdup(src->categories[i]);
	dst->enclosures = xcalloc(src->nenclosures + 1,
	    sizeof *dst->enclosures);
	for (i = 0; i < src->nenclosures; i++) {
		dst->enclosures[i] = src->enclosures[i];
		dst->enclosures[i].url = xstrdup(src->enclosures[i].url);
		dst->enclosures[i].type = feed_item_dup(src->enclosures[i].type);
	}
}

void
feed_item_clear(struct feed_item *it)
{
	size_t	 i;

	free(it->guid);
	free(it->url);
	free(it->title);
	free(it->author);
	free(it->html);
	free(it->base);
	for (i = 0; i < it->ncategories; i++)
		free(it->categories[i]);
	free(it->categories);
	for (i = 0; i < it->nenclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
	memset(it, 0, sizeof *it);
}

void
feed_categories_add(char ***list, size_t *n, char *name)
{
	size_t	 i;

	if (name == NULL)
		return;
	for (i = 0; i < *n; i++) {
		if (strcasecmp((*list)[i], name) == 0) {
			free(name);
			return;
		}
	}
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = name;
}
