/* version.h -- the program's version, in --version, JSON and workbooks. */
#ifndef SAMKALK_VERSION_H
#define SAMKALK_VERSION_H

#define SAMKALK_VERSION "0.1.0"

#endif
