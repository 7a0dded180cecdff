/* An experiment, not part of the product: an LD_PRELOAD shim that sets TCP_NODELAY on every socket
 * the server accepts, to measure what confab-server gains from disabling Nagle's algorithm without
 * changing its code (docs/performance.md, "Known bottlenecks"). Used by bench/run.sh when
 * CONFAB_BENCH_SERVER_NODELAY=1.
 *   cc -shared -fPIC -O2 -o nodelay-preload.so nodelay-preload.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static void noDelay(int fd)
{
    if (fd >= 0) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* fails harmlessly on non-TCP */
    }
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
    static int (*real)(int, struct sockaddr *, socklen_t *);
    if (!real)
        real = (int (*)(int, struct sockaddr *, socklen_t *))dlsym(RTLD_NEXT, "accept");
    int s = real(fd, addr, len);
    noDelay(s);
    return s;
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
    static int (*real)(int, struct sockaddr *, socklen_t *, int);
    if (!real)
        real = (int (*)(int, struct sockaddr *, socklen_t *, int))dlsym(RTLD_NEXT, "accept4");
    int s = real(fd, addr, len, flags);
    noDelay(s);
    return s;
}
