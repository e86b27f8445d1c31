/* sms.h: counting and splitting SMS texts as phones do (GSM 03.38 7-bit, else UCS-2). */
#ifndef SAFAR_SMS_H
#define SAFAR_SMS_H

#include <stddef.h>

#include "safar/arena.h"

enum sf_sms_encoding { SF_SMS_GSM7, SF_SMS_UCS2 };

#define SF_SMS_GSM7_LIMIT 160 /* septets in one message */
#define SF_SMS_UCS2_LIMIT 70  /* UTF-16 code units in one message */

/* Each part is sent as its own SMS, so it has its own encoding: GSM-7 when
 * every character of it is in GSM 03.38, even when another part is UCS-2. */
typedef struct sf_sms_part {
	const char *text; /* UTF-8, NUL-terminated; with " (k/n)" when split */
	enum sf_sms_encoding encoding; /* of this part */
	size_t units;     /* septets (GSM-7) or UTF-16 units (UCS-2) of text */
} sf_sms_part;

typedef struct sf_sms {
	enum sf_sms_encoding encoding; /* of the whole, unsplit text */
	size_t units;   /* of the whole, unsplit text */
	sf_sms_part *parts;
	size_t nparts;  /* 0 for an empty text */
} sf_sms;

/* The units text costs: septets when every character is in the GSM 03.38
 * default alphabet or its extension table (an extension character costs 2),
 * else UTF-16 code units. text must be valid UTF-8. */
size_t sf_sms_units(const char *text, size_t len, enum sf_sms_encoding *encoding);

/* Splits text into messages that each fit one SMS: the whole text when it
 * fits; else parts cut at word boundaries (the space at a cut is dropped),
 * each with a " (k/n)" marker counted in its size and each as long as its
 * own encoding allows (160 septets, or 70 units once a character outside
 * GSM is in it), for the smallest n that works. A word too long for a part
 * is cut between characters, never inside a GSM extension pair, a surrogate
 * pair or a combining sequence. All memory comes from a. */
void sf_sms_split(const char *text, size_t len, sf_arena *a, sf_sms *out);

#endif
