/* Faithful: the string functions, resolved against the C library the nvtsim process already has. */
#ifndef NVTSIM_K_STRING_H
#define NVTSIM_K_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((__format__(printf, 3, 4)));

/* kernel-only string helpers */
ssize_t strscpy(char *dst, const char *src, size_t count);
int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((__format__(printf, 3, 4)));
char *kstrdup(const char *s, unsigned int gfp);
void *kmemdup(const void *src, size_t len, unsigned int gfp);
#define memzero_explicit(s, n) memset((s), 0, (n))

#endif
