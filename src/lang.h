/*
 * Which language a text is written in, told cheaply from the stop words
 * it uses, and the Snowball stemmer that goes with each language; the
 * search index stems every article's words in its own language.
 */
#ifndef TELEX_LANG_H
#define TELEX_LANG_H

#include <stddef.h>

enum lang {
	LANG_NONE,		/* not known: too short, or another language */
	LANG_EN,
	LANG_FR,
	LANG_DE,
	LANG_ES,
	LANG_RU,
	LANG_COUNT
};

/* Guess from the first few kilobytes of UTF-8 text; LANG_NONE if unsure. */
enum lang	 lang_detect(const char *text, size_t len);
const char	*lang_code(enum lang);		/* "en", ...; NULL for none */
const char	*lang_stemmer(enum lang);	/* Snowball's name, "english" */
/* 1 if the language is written in Latin letters, 0 otherwise. */
int		 lang_latin(enum lang);

#endif
