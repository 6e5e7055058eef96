/*
 * The "telex" FTS5 tokenizer: words folded for case and accents, each
 * indexed as written and as its Snowball stem in the article's language,
 * so searches find inflections while "exact phrases" stay exact.
 */
#ifndef TELEX_STORE_STEM_H
#define TELEX_STORE_STEM_H

#include <sqlite3.h>

/*
 * Make the tokenizer known to every SQLite connection this process opens
 * from now on (the archive's and any other).  0, or -1 if SQLite refuses.
 *
 * In an FTS5 query each string is one call of the tokenizer: a single
 * word is matched by its stem in every language telex stems (and as
 * written); a string of several words, or one that starts with "=",
 * matches those words exactly as written, in order; a prefix ("negot*")
 * matches words as written.
 */
int	 store_stem_setup(void);

/*
 * text with case and accents folded as the index folds words (caller
 * frees); SQL has it as telex_fold(text).
 */
char	*store_stem_fold_text(const char *);

/* The ranking function of store-rank.c, set up with the tokenizer. */
int	 store_rank_register(sqlite3 *, fts5_api *);

#endif
