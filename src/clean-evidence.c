/*
 * Evidence for the article the cleaner chose: how much of a second
 * account of it (JSON-LD's articleBody) the chosen text holds, as a
 * share of the account's three-word runs found in the text, and how
 * much of each block of the text the account holds.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean-int.h"

#define CLEAN_RUN_WORDS	3

struct clean_runs {
	uint64_t	*slot;		/* 0: empty */
	size_t		 size;		/* a power of two */
};

struct clean_account {
	struct clean_runs runs;
	size_t		 nruns;
};

static int
clean_word_byte(unsigned char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80);
}

/*
 * The hash of the next word from *p on (ASCII letters folded), or 0
 * at the end; *p is left after the word.
 */
static uint64_t
clean_next_word(const char **p)
{
	const unsigned char	*s = (const unsigned char *)*p;
	uint64_t		 h = 1469598103934665603ULL;

	while (*s != '\0' && !clean_word_byte(*s))
		s++;
	if (*s == '\0') {
		*p = (const char *)s;
		return (0);
	}
	for (; clean_word_byte(*s); s++)
		h = (h ^ (uint64_t)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s)) *
		    1099511628211ULL;
	*p = (const char *)s;
	return (h | 1);
}

/* Call fn on the hash of every run of CLEAN_RUN_WORDS words in text. */
static size_t
clean_each_run(const char *text, struct clean_runs *r,
    int (*fn)(struct clean_runs *, uint64_t))
{
	uint64_t	 w[CLEAN_RUN_WORDS], h;
	size_t		 n = 0, hits = 0, i;

	while ((w[n % CLEAN_RUN_WORDS] = clean_next_word(&text)) != 0) {
		if (++n < CLEAN_RUN_WORDS)
			continue;
		for (h = 0, i = 0; i < CLEAN_RUN_WORDS; i++)
			h = (h * 31) ^ w[(n + i) % CLEAN_RUN_WORDS];
		hits += (size_t)fn(r, h | 1);
	}
	return (hits);
}

static size_t
clean_run_slot(const struct clean_runs *r, uint64_t h)
{
	size_t	 i = (size_t)(h ^ (h >> 29)) & (r->size - 1);

	while (r->slot[i] != 0 && r->slot[i] != h)
		i = (i + 1) & (r->size - 1);
	return (i);
}

static int
clean_run_add(struct clean_runs *r, uint64_t h)
{
	r->slot[clean_run_slot(r, h)] = h;
	return (1);
}

static int
clean_run_has(struct clean_runs *r, uint64_t h)
{
	return (r->slot[clean_run_slot(r, h)] == h);
}

static int
clean_run_count(struct clean_runs *r, uint64_t h)
{
	(void)r;
	(void)h;
	return (1);
}

/*
 * Percent of the account's word runs that the text holds; 100 when the
 * account is too short to say.
 */
int
clean_evidence(const char *text, const char *account)
{
	struct clean_runs	 r;
	size_t			 runs, text_runs, found;

	runs = clean_each_run(account, NULL, clean_run_count);
	if (runs < 20)
		return (100);
	text_runs = clean_each_run(text, NULL, clean_run_count);
	for (r.size = 64; r.size < text_runs * 2; r.size *= 2)
		;
	r.slot = xcalloc(r.size, sizeof *r.slot);
	clean_each_run(text, &r, clean_run_add);
	found = clean_each_run(account, &r, clean_run_has);
	free(r.slot);
	return ((int)(found * 100 / runs));
}

/*
 * The account's word runs, to test blocks of text against; the caller
 * frees it with clean_account_free.
 */
struct clean_account *
clean_account_new(const char *account)
{
	struct clean_account	*a;
	size_t			 runs;

	a = xcalloc(1, sizeof *a);
	runs = clean_each_run(account, NULL, clean_run_count);
	for (a->runs.size = 64; a->runs.size < runs * 2; a->runs.size *= 2)
		;
	a->runs.slot = xcalloc(a->runs.size, sizeof *a->runs.slot);
	a->nruns = clean_each_run(account, &a->runs, clean_run_add);
	return (a);
}

void
clean_account_free(struct clean_account *a)
{
	if (a == NULL)
		return;
	free(a->runs.slot);
	free(a);
}

/*
 * Percent of the len bytes of block's word runs that the account holds;
 * -1 when the block is too short to have one.
 */
int
clean_account_share(struct clean_account *a, const char *block, size_t len)
{
	char	*s = xstrndup(block, len);
	size_t	 runs, found;

	runs = clean_each_run(s, NULL, clean_run_count);
	found = runs == 0 ? 0 : clean_each_run(s, &a->runs, clean_run_has);
	free(s);
	return (runs == 0 ? -1 : (int)(found * 100 / runs));
}
