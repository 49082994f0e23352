/* commitq.h -- the commit queue of an LMDB repository (<dir>/commitq): a
 * small shared-memory file through which the processes committing at the
 * same moment hand their write sets to whichever of them holds LMDB's
 * write lock next, so that one LMDB transaction -- one data sync, one meta
 * sync -- commits them all (group commit; lmdb_backend.c, "Batches", has
 * the protocol). This file only keeps the slots: a process-shared robust
 * mutex, tickets, the states, and a write set's bytes in and out.
 *
 * A slot's life: FREE -> QUEUED (its owner put a write set in) -> CLAIMED
 * (a leader took it into its batch) -> PENDING (the leader's LMDB
 * transaction holds it and the result is written, the transaction is being
 * committed) -> DONE (committed and synced, or refused) -> FREE (its owner
 * read the result). Only the owner makes a slot FREE. A leader that dies
 * leaves CLAIMED or PENDING slots; the next process that sees one decides
 * by the repository's "cq_slots" (per slot, the ticket an LMDB commit last
 * took from it) whether the batch committed. */
#ifndef MG_COMMITQ_H
#define MG_COMMITQ_H

#include "backend.h"
#include <pthread.h>

enum { CQ_FREE = 0, CQ_QUEUED, CQ_CLAIMED, CQ_PENDING, CQ_DONE };
#define CQ_SLOTS 32
#define CQ_DATA (16 * 1024)          /* a write set's encoded bytes at most */
#define CQ_CONFLICTS 16

typedef struct {
    uint32_t state;                  /* CQ_*; a futex word */
    uint32_t owner_pid, leader_pid;
    uint32_t nwrites, bytes;
    int32_t err;                     /* DONE: MgStoreErr */
    uint64_t owner_started, leader_started;   /* process start times: pids are reused */
    uint64_t ticket;
    uint64_t seq;                    /* DONE, MG_STORE_OK: the commit's sequence */
    uint64_t txnid;                  /* PENDING, DONE: the LMDB transaction (group_sync) */
    uint32_t nconflicts;
    uint64_t conflicts[CQ_CONFLICTS];
    char msg[256];                   /* DONE, an error: its message */
    unsigned char data[CQ_DATA];     /* per write: oop, expected version, len (u64 each), remove (u8), bytes */
} CqSlot;

typedef struct {
    uint64_t magic;
    uint32_t version, nslots;
    pthread_mutex_t mu;              /* guards every slot's state and the ticket counter */
    uint64_t next_ticket;
    uint32_t last_batch;             /* how many commits the last batch applied */
    CqSlot slot[CQ_SLOTS];
} CommitQ;

/* Maps <dir>/commitq, creating it (mode 0600) with tickets from first_ticket
 * on. NULL when it cannot be had: the caller commits alone. */
CommitQ *mg_cq_open(const char *dir, uint64_t first_ticket);
void mg_cq_close(CommitQ *q);
void mg_cq_lock(CommitQ *q);
void mg_cq_unlock(CommitQ *q);
/* Puts a write set in a free slot (the lock is taken here); -1 when it is
 * too big or no slot is free. */
int mg_cq_enqueue(CommitQ *q, const MgWrite *w, size_t n);
/* This process's start time (kept per pid: a forked child has its own). */
uint64_t mg_cq_self_started(void);
/* The write set of slot i as MgWrites pointing into the slot (malloc'd);
 * NULL when out of memory or the slot's bytes do not parse. */
MgWrite *mg_cq_writes(CommitQ *q, int i);
/* Whether process pid with that start time (mg_proc_started) runs. */
bool mg_cq_alive(uint32_t pid, uint64_t started);
/* Sets slot i's state and wakes whoever waits for it (under the lock). */
void mg_cq_set_state(CommitQ *q, int i, uint32_t state);
/* Waits (the lock not held) until slot i leaves state, at most ms milliseconds. */
void mg_cq_wait(CommitQ *q, int i, uint32_t state, int ms);

#endif
