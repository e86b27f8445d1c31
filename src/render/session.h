/* session.h: what the pages and the workbook of a trainer's pack share (render/ only). */
#ifndef SAFAR_RENDER_SESSION_H
#define SAFAR_RENDER_SESSION_H

#include "safar/render.h"

/* Writes session-<STAGE>/tracking.xlsx of stage s into o->dir; 0, or -1
 * after reporting. */
int session_tracking(const sf_output *o, int s);

/* A topic's length: the sum of its parts' minutes, a part without them
 * counting 10 (docs/outputs.md, agenda.html). */
int session_topic_minutes(const sf_topic *t);

/* One row of an agenda: a topic (its index in o->res->topics) or a break
 * (topic -1), from start for minutes (minutes of the day). */
typedef struct session_slot {
	int start, minutes, topic;
} session_slot;
/* The timed agenda of stage s: returns how many rows; (*out)[n] is the end
 * (its start is the end time). In o->a. */
size_t session_agenda(const sf_output *o, int s, session_slot **out);
/* "09:30" in a. */
const char *session_hhmm(sf_arena *a, int minutes);

/* A line of trainer notes: blank, a list item ("- ", "* " or "N. "), an
 * indented line (it continues the item above it), or text. */
enum { NOTE_BLANK, NOTE_TEXT, NOTE_MORE, NOTE_UL, NOTE_OL };
/* The kind of line s[0..n) (no line break in it); *body receives where its
 * words start, *num an ordered item's number. */
int session_note_line(const char *s, size_t n, size_t *body, long *num);

/* *so: o writing into o->dir/session-<STAGE> of stage s, which it makes;
 * 0, or -1 after reporting. */
int session_output(const sf_output *o, int s, sf_output *so);

#endif
