/* nelem.h: the number of elements of an array, never counted by hand. */
#ifndef SAFAR_NELEM_H
#define SAFAR_NELEM_H

#define SF_NELEM(a) (sizeof(a) / sizeof((a)[0]))

#endif
