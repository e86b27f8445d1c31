/* session.h: what the pages and the workbook of a trainer's pack share (render/ only). */
#ifndef SAFAR_RENDER_SESSION_H
#define SAFAR_RENDER_SESSION_H

#include "safar/render.h"

/* Writes session-<STAGE>/tracking.xlsx of stage s into o->dir; 0, or -1
 * after reporting. */
int session_tracking(const sf_output *o, int s);

#endif
