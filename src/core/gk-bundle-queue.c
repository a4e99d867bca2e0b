/* gk-bundle-queue.c: runs the bundle's per-record work on every core and hands the results back in the order they were queued. */
#include "config.h"

#include "gk-bundle-private.h"

/* Scratch buffers begin at this size: a record page is 5 to 20 kB. */
#define SCRATCH_SIZE (32 * 1024)

/* Jobs go to the workers this many at a time: handing over each record
 * alone woke a thread and the reader five times a record (427 000 futex
 * calls for 75 000 records). */
#define BATCH_SIZE 16

typedef struct
{
  gpointer job;
  gboolean done;
} Slot;

typedef struct
{
  GkBundleQueue *queue;
  Slot *slots[BATCH_SIZE];
  guint n_slots;
} Batch;

struct _GkBundleQueue
{
  GThreadPool *pool;
  GkBundleQueueFunc func;
  gpointer user_data;
  GDestroyNotify job_free;
  GAsyncQueue *scratch;   /* of GString: one per worker, reused job after job */
  GMutex lock;
  GCond done;
  gboolean waiting;       /* the reader waits for @done */
  GQueue slots;           /* of Slot, in the order queued */
  Batch *filling;         /* the slots to run not handed over yet */
};

static void
scratch_free (gpointer scratch)
{
  g_string_free (scratch, TRUE);
}

static void
run_batch (gpointer data,
           gpointer user_data)
{
  Batch *batch = data;
  GkBundleQueue *queue = batch->queue;
  GString *scratch = g_async_queue_pop (queue->scratch);

  for (guint i = 0; i < batch->n_slots; i++)
    {
      g_string_truncate (scratch, 0);
      queue->func (batch->slots[i]->job, scratch, queue->user_data);
    }
  g_async_queue_push (queue->scratch, scratch);

  g_mutex_lock (&queue->lock);
  for (guint i = 0; i < batch->n_slots; i++)
    batch->slots[i]->done = TRUE;
  if (queue->waiting)
    g_cond_broadcast (&queue->done);
  g_mutex_unlock (&queue->lock);
  g_free (batch);
}

/* Hands the slots gathered so far to the workers. */
static void
submit (GkBundleQueue *queue)
{
  Batch *batch = g_steal_pointer (&queue->filling);

  if (batch != NULL)
    g_thread_pool_push (queue->pool, batch, NULL);
}

/* @func runs in one of @n_workers threads, with a scratch GString of that
 * thread's; @job_free frees what was queued and never taken back. */
GkBundleQueue *
gk_bundle_queue_new (GkBundleQueueFunc  func,
                     gpointer           user_data,
                     GDestroyNotify     job_free,
                     guint              n_workers,
                     GError           **error)
{
  GkBundleQueue *queue;

  g_return_val_if_fail (n_workers > 0, NULL);

  queue = g_new0 (GkBundleQueue, 1);
  queue->func = func;
  queue->user_data = user_data;
  queue->job_free = job_free;
  queue->scratch = g_async_queue_new_full (scratch_free);
  for (guint i = 0; i < n_workers; i++)
    g_async_queue_push (queue->scratch, g_string_sized_new (SCRATCH_SIZE));
  g_mutex_init (&queue->lock);
  g_cond_init (&queue->done);
  g_queue_init (&queue->slots);
  /* Threads of its own: a publish must not wait behind another pool's work. */
  queue->pool = g_thread_pool_new_full (run_batch, NULL, g_free, (int) n_workers, TRUE, error);
  if (queue->pool == NULL)
    {
      gk_bundle_queue_free (queue);
      return NULL;
    }
  return queue;
}

/* Stops the workers (what they run they finish; what waits is dropped)
 * and frees every job not taken back. */
void
gk_bundle_queue_free (GkBundleQueue *queue)
{
  Slot *slot;

  if (queue == NULL)
    return;
  if (queue->pool != NULL)
    g_thread_pool_free (queue->pool, TRUE, TRUE);
  g_free (queue->filling);
  while ((slot = g_queue_pop_head (&queue->slots)) != NULL)
    {
      if (queue->job_free != NULL)
        queue->job_free (slot->job);
      g_free (slot);
    }
  g_async_queue_unref (queue->scratch);
  g_mutex_clear (&queue->lock);
  g_cond_clear (&queue->done);
  g_free (queue);
}

/* Queues @job: run by a worker when @run, otherwise only kept in its place
 * among the others, done already. */
void
gk_bundle_queue_push (GkBundleQueue *queue,
                      gpointer       job,
                      gboolean       run)
{
  Slot *slot = g_new0 (Slot, 1);

  slot->job = job;
  slot->done = !run;
  g_mutex_lock (&queue->lock);
  g_queue_push_tail (&queue->slots, slot);
  g_mutex_unlock (&queue->lock);
  if (!run)
    return;
  if (queue->filling == NULL)
    {
      queue->filling = g_new0 (Batch, 1);
      queue->filling->queue = queue;
    }
  queue->filling->slots[queue->filling->n_slots++] = slot;
  if (queue->filling->n_slots == BATCH_SIZE)
    submit (queue);
}

guint
gk_bundle_queue_get_length (GkBundleQueue *queue)
{
  return queue->slots.length;
}

/* The job queued first and not taken back yet, once it is done: waited for
 * when @wait, otherwise NULL while it runs. NULL when none is left. */
gpointer
gk_bundle_queue_pop (GkBundleQueue *queue,
                     gboolean       wait)
{
  Slot *slot;
  gpointer job = NULL;

  g_mutex_lock (&queue->lock);
  slot = g_queue_peek_head (&queue->slots);
  if (slot != NULL && !slot->done && wait)
    {
      /* It may be among the slots not handed over yet. */
      submit (queue);
      queue->waiting = TRUE;
      while (!slot->done)
        g_cond_wait (&queue->done, &queue->lock);
      queue->waiting = FALSE;
    }
  if (slot != NULL && slot->done)
    {
      g_queue_pop_head (&queue->slots);
      job = slot->job;
      g_free (slot);
    }
  g_mutex_unlock (&queue->lock);
  return job;
}
