/* input_ids.h -- the ids of the table of input keys (read/inputs.h), one
 * IN_<ID> per row of inputs.def: the names code and struct scenario use for
 * a key. Apart from inputs.h so that scenario_types.h can size by them. */
#ifndef SAMKALK_INPUT_IDS_H
#define SAMKALK_INPUT_IDS_H

typedef enum input_id {
#define INPUT(id, ...) IN_##id,
#include "samkalk/read/inputs.def"
#undef INPUT
	N_INPUTS
} input_id;

#endif
