/* commitq.c -- the commit queue's slots (commitq.h). */
#include "commitq.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define CQ_MAGIC 0x7165756374696d6dULL   /* "mmitcueq" */
#define CQ_VERSION 1
#define WRITE_HEAD 25                    /* oop, expected version, len, remove */

bool
mg_cq_alive(uint32_t pid, uint64_t started)
{
    if (pid == (uint32_t)getpid()) return started == mg_cq_self_started();
    return pid && mg_proc_started((int)pid) == started;
}

CommitQ *
mg_cq_open(const char *dir, uint64_t first_ticket)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/commitq", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return NULL;
    CommitQ *q = NULL;
    while (flock(fd, LOCK_EX) != 0)
        if (errno != EINTR) goto out;
    struct stat st;
    if (fstat(fd, &st) != 0) goto unlock;
    bool fresh = st.st_size != (off_t)sizeof(CommitQ);
    if (fresh && ftruncate(fd, sizeof(CommitQ)) != 0) goto unlock;
    void *m = mmap(NULL, sizeof(CommitQ), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) goto unlock;
    q = m;
    if (!fresh && (q->magic != CQ_MAGIC || q->version != CQ_VERSION || q->nslots != CQ_SLOTS)) fresh = true;
    if (fresh) {
        /* a new queue (or one of another layout): no process uses it yet,
         * since every user maps it under this flock first */
        memset(q, 0, sizeof *q);
        pthread_mutexattr_t a;
        pthread_mutexattr_init(&a);
        pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
        pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
        int rc = pthread_mutex_init(&q->mu, &a);
        pthread_mutexattr_destroy(&a);
        if (rc) { munmap(q, sizeof *q); q = NULL; goto unlock; }
        q->next_ticket = first_ticket;
        q->nslots = CQ_SLOTS;
        q->version = CQ_VERSION;
        __atomic_store_n(&q->magic, CQ_MAGIC, __ATOMIC_RELEASE);
    }
    if (q->next_ticket < first_ticket) q->next_ticket = first_ticket;   /* tickets only grow */
unlock:
    flock(fd, LOCK_UN);
out:
    close(fd);
    return q;
}

void
mg_cq_close(CommitQ *q)
{
    if (q) munmap(q, sizeof *q);
}

void
mg_cq_lock(CommitQ *q)
{
    int rc = pthread_mutex_lock(&q->mu);
    if (rc == EOWNERDEAD) pthread_mutex_consistent(&q->mu);   /* a holder died: the states stay as they were */
}

void
mg_cq_unlock(CommitQ *q)
{
    pthread_mutex_unlock(&q->mu);
}

uint64_t
mg_cq_self_started(void)
{
    static int pid;
    static uint64_t started;
    if (pid != getpid()) {
        pid = getpid();
        started = mg_proc_started(pid);
    }
    return started;
}

int
mg_cq_enqueue(CommitQ *q, const MgWrite *w, size_t n)
{
    uint64_t started = mg_cq_self_started();
    if (n > CQ_DATA / WRITE_HEAD) return -1;
    size_t need = 0;
    for (size_t i = 0; i < n && need <= CQ_DATA; i++) need += WRITE_HEAD + w[i].len;
    if (need > CQ_DATA) return -1;
    mg_cq_lock(q);
    int found = -1;
    for (int i = 0; i < CQ_SLOTS && found < 0; i++) {
        CqSlot *s = &q->slot[i];
        /* a dead owner's slot is free again, unless a live leader works on it */
        if (s->state == CQ_FREE
            || (s->state != CQ_FREE && !mg_cq_alive(s->owner_pid, s->owner_started)
                && ((s->state != CQ_CLAIMED && s->state != CQ_PENDING) || !mg_cq_alive(s->leader_pid, s->leader_started))))
            found = i;
    }
    if (found >= 0) {
        CqSlot *s = &q->slot[found];
        unsigned char *p = s->data;
        for (size_t i = 0; i < n; i++) {
            uint64_t len = w[i].len;
            memcpy(p, &w[i].oop, 8);
            memcpy(p + 8, &w[i].expected_version, 8);
            memcpy(p + 16, &len, 8);
            p[24] = w[i].remove;
            if (len) memcpy(p + WRITE_HEAD, w[i].data, len);
            p += WRITE_HEAD + len;
        }
        s->nwrites = (uint32_t)n;
        s->bytes = (uint32_t)need;
        s->owner_pid = (uint32_t)getpid();
        s->owner_started = started;
        s->leader_pid = 0;
        s->err = 0;
        s->nconflicts = 0;
        s->seq = s->txnid = 0;
        s->msg[0] = '\0';
        s->ticket = q->next_ticket++;
        mg_cq_set_state(q, found, CQ_QUEUED);
    }
    mg_cq_unlock(q);
    return found;
}

MgWrite *
mg_cq_writes(CommitQ *q, int i)
{
    CqSlot *s = &q->slot[i];
    if (s->bytes > CQ_DATA || s->nwrites > CQ_DATA / WRITE_HEAD) return NULL;
    MgWrite *w = malloc((s->nwrites ? s->nwrites : 1) * sizeof *w);
    if (!w) return NULL;
    const unsigned char *p = s->data, *end = s->data + s->bytes;
    for (uint32_t j = 0; j < s->nwrites; j++) {
        uint64_t len;
        if (end - p < WRITE_HEAD) { free(w); return NULL; }
        memcpy(&w[j].oop, p, 8);
        memcpy(&w[j].expected_version, p + 8, 8);
        memcpy(&len, p + 16, 8);
        if (len > (uint64_t)(end - p - WRITE_HEAD)) { free(w); return NULL; }
        w[j].remove = p[24] != 0;
        w[j].len = (size_t)len;
        w[j].data = p + WRITE_HEAD;
        p += WRITE_HEAD + len;
    }
    return w;
}

void
mg_cq_set_state(CommitQ *q, int i, uint32_t state)
{
    __atomic_store_n(&q->slot[i].state, state, __ATOMIC_RELEASE);
    syscall(SYS_futex, &q->slot[i].state, FUTEX_WAKE, INT32_MAX, NULL, NULL, 0);
}

void
mg_cq_wait(CommitQ *q, int i, uint32_t state, int ms)
{
    struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000L };
    if (__atomic_load_n(&q->slot[i].state, __ATOMIC_ACQUIRE) == state)
        syscall(SYS_futex, &q->slot[i].state, FUTEX_WAIT, state, &t, NULL, 0);
}
