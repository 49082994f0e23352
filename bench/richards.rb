# richards: Martin Richards' operating-system simulation benchmark,
# implemented here from its published description. A scheduler runs six
# tasks (idle, worker, two handlers, two devices) that exchange packets;
# the run is verified by the number of packets queued and the number of
# times a task held itself. Measures method calls, polymorphic dispatch,
# instance variables and linked lists of small objects.

ID_IDLE      = 0
ID_WORKER    = 1
ID_HANDLER_A = 2
ID_HANDLER_B = 3
ID_DEVICE_A  = 4
ID_DEVICE_B  = 5
NUM_TASKS    = 6

KIND_DEVICE = 0
KIND_WORK   = 1

DATA_SIZE = 4
ALPHABET = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"

class Packet
  attr_accessor :link, :owner, :kind, :datum
  attr_reader :data

  def initialize(link, owner, kind)
    @link = link
    @owner = owner
    @kind = kind
    @datum = 0
    @data = Array.new(DATA_SIZE, 0)
  end

  # Appends this packet to the queue starting at `head`; returns the head.
  def enqueue(head)
    @link = nil
    return self if head.nil?
    last = head
    last = last.link while last.link
    last.link = self
    head
  end
end

class Task
  attr_reader :id, :priority, :next_task

  def initialize(scheduler, id, priority, queue, next_task)
    @scheduler = scheduler
    @id = id
    @priority = priority
    @queue = queue
    @next_task = next_task
    @packet_pending = !queue.nil?
    @waiting = false
    @held = false
  end

  def start_waiting
    @waiting = true
  end

  def hold
    @held = true
  end

  def release
    @held = false
  end

  # neither held, nor waiting with an empty queue
  def blocked?
    @held || (@waiting && !@packet_pending)
  end

  def waiting_with_packet?
    @waiting && @packet_pending && !@held
  end

  def take_packet
    packet = @queue
    @queue = packet.link
    @packet_pending = !@queue.nil?
    @waiting = false
    packet
  end

  # A packet arrives for this task while `current` runs; returns the task
  # that should run next.
  def receive(packet, current)
    if @queue.nil?
      @queue = packet
      @packet_pending = true
      return self if @priority > current.priority
    else
      @queue = packet.enqueue(@queue)
    end
    current
  end
end

class IdleTask < Task
  def initialize(scheduler, id, priority, queue, next_task, count)
    super(scheduler, id, priority, queue, next_task)
    @seed = 1
    @count = count
  end

  def run(_packet)
    @count -= 1
    return @scheduler.hold_current if @count == 0
    if @seed & 1 == 0
      @seed >>= 1
      @scheduler.release(ID_DEVICE_A)
    else
      @seed = (@seed >> 1) ^ 0xD008
      @scheduler.release(ID_DEVICE_B)
    end
  end
end

class WorkerTask < Task
  def initialize(scheduler, id, priority, queue, next_task)
    super(scheduler, id, priority, queue, next_task)
    @destination = ID_HANDLER_A
    @letter = 0
  end

  def run(packet)
    return @scheduler.wait_current if packet.nil?
    @destination = @destination == ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A
    packet.owner = @destination
    packet.datum = 0
    data = packet.data
    i = 0
    while i < DATA_SIZE
      @letter += 1
      @letter = 1 if @letter > 26
      data[i] = ALPHABET.getbyte(@letter)
      i += 1
    end
    @scheduler.queue_packet(packet)
  end
end

class HandlerTask < Task
  def initialize(scheduler, id, priority, queue, next_task)
    super(scheduler, id, priority, queue, next_task)
    @work_packets = nil
    @device_packets = nil
  end

  def run(packet)
    if packet
      if packet.kind == KIND_WORK
        @work_packets = packet.enqueue(@work_packets)
      else
        @device_packets = packet.enqueue(@device_packets)
      end
    end
    work = @work_packets
    if work
      index = work.datum
      if index >= DATA_SIZE
        @work_packets = work.link
        return @scheduler.queue_packet(work)
      end
      device = @device_packets
      if device
        @device_packets = device.link
        device.datum = work.data[index]
        work.datum = index + 1
        return @scheduler.queue_packet(device)
      end
    end
    @scheduler.wait_current
  end
end

class DeviceTask < Task
  def initialize(scheduler, id, priority, queue, next_task)
    super(scheduler, id, priority, queue, next_task)
    @pending = nil
  end

  def run(packet)
    if packet.nil?
      pending = @pending
      return @scheduler.wait_current if pending.nil?
      @pending = nil
      @scheduler.queue_packet(pending)
    else
      @pending = packet
      @scheduler.hold_current
    end
  end
end

class Scheduler
  attr_reader :queue_count, :hold_count

  def initialize
    @tasks = Array.new(NUM_TASKS)
    @list = nil
    @current = nil
    @queue_count = 0
    @hold_count = 0
  end

  def add(task)
    @tasks[task.id] = task
    @list = task
  end

  def setup(count)
    add(IdleTask.new(self, ID_IDLE, 0, nil, @list, count))

    q = Packet.new(nil, ID_IDLE, KIND_WORK)
    q = Packet.new(q, ID_IDLE, KIND_WORK)
    add(WorkerTask.new(self, ID_WORKER, 1000, q, @list))

    q = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
    q = Packet.new(q, ID_DEVICE_A, KIND_DEVICE)
    q = Packet.new(q, ID_DEVICE_A, KIND_DEVICE)
    add(HandlerTask.new(self, ID_HANDLER_A, 2000, q, @list))

    q = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
    q = Packet.new(q, ID_DEVICE_B, KIND_DEVICE)
    q = Packet.new(q, ID_DEVICE_B, KIND_DEVICE)
    add(HandlerTask.new(self, ID_HANDLER_B, 3000, q, @list))

    add(DeviceTask.new(self, ID_DEVICE_A, 4000, nil, @list))
    add(DeviceTask.new(self, ID_DEVICE_B, 5000, nil, @list))

    # the worker and the handlers start out waiting for their packets
    @tasks[ID_WORKER].start_waiting
    @tasks[ID_HANDLER_A].start_waiting
    @tasks[ID_HANDLER_B].start_waiting
    # and the devices wait with empty queues
    @tasks[ID_DEVICE_A].start_waiting
    @tasks[ID_DEVICE_B].start_waiting
    self
  end

  def run
    task = @list
    while task
      if task.blocked?
        task = task.next_task
      else
        packet = task.waiting_with_packet? ? task.take_packet : nil
        @current = task
        task = task.run(packet)
      end
    end
  end

  def wait_current
    @current.start_waiting
    @current
  end

  def hold_current
    @hold_count += 1
    @current.hold
    @current.next_task
  end

  def release(id)
    task = @tasks[id]
    task.release
    task.priority > @current.priority ? task : @current
  end

  def queue_packet(packet)
    target = @tasks[packet.owner]
    @queue_count += 1
    packet.link = nil
    packet.owner = @current.id
    target.receive(packet, @current)
  end
end

COUNT = 10_000
REPEAT = 50
qc = hc = 0
REPEAT.times do
  s = Scheduler.new.setup(COUNT)
  s.run
  qc = s.queue_count
  hc = s.hold_count
  # the published reference values for a count of 10000
  raise "bad result: #{qc} #{hc}" unless qc == 23246 && hc == 9297
end
puts "richards #{COUNT} x#{REPEAT} = #{qc} #{hc}"
