package sshdoor

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"

	"studyguide/room"
)

// conns counts the server's connections per address and holds each to
// what it may send before it joins, and to opening a session soon.
type conns struct {
	max    int           // per address
	wait   time.Duration // for a session to open
	onDrop func(addr, why string)

	mu     sync.Mutex
	byAddr map[string]int
}

// connInfo is what the server keeps of one connection, in its context.
type connInfo struct {
	addr     string
	opened   atomic.Bool  // a session was opened
	joined   atomic.Bool  // a session took a seat or the driver's
	sessions atomic.Int32 // sessions open now
}

type connKey struct{}

// infoOf is the connection's info of a session's context, nil outside
// the server (a test's fake session).
func infoOf(ctx ssh.Context) *connInfo {
	ci, _ := ctx.Value(connKey{}).(*connInfo)
	return ci
}

func newConns(max int, wait time.Duration, onDrop func(addr, why string)) *conns {
	return &conns{max: max, wait: wait, onDrop: onDrop, byAddr: map[string]int{}}
}

// accept is the server's ConnCallback: it refuses a connection from an
// address that holds its share already (nil closes it), and otherwise
// wraps it to count what it sends until it joins, and to close it if it
// opens no session within sessionWait.
func (cs *conns) accept(ctx ssh.Context, c net.Conn) net.Conn {
	addr := room.AddressOf(c.RemoteAddr().String())
	cs.mu.Lock()
	if cs.byAddr[addr] >= cs.max {
		cs.mu.Unlock()
		cs.onDrop(addr, "too many connections from this address")
		return nil
	}
	cs.byAddr[addr]++
	cs.mu.Unlock()
	ci := &connInfo{addr: addr}
	ctx.SetValue(connKey{}, ci)
	gc := &guardedConn{Conn: c, cs: cs, ci: ci}
	gc.timer.Store(time.AfterFunc(cs.wait, func() {
		if !ci.opened.Load() {
			cs.onDrop(addr, "opened no session")
			_ = gc.Close()
		}
	}))
	return gc
}

// guardedConn is a connection counted against its address until closed.
type guardedConn struct {
	net.Conn
	cs     *conns
	ci     *connInfo
	timer  atomic.Pointer[time.Timer]
	before atomic.Int64 // bytes read before joining
	once   sync.Once
}

func (c *guardedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 && !c.ci.joined.Load() && c.before.Add(int64(n)) > maxConnBeforeJoin {
		c.cs.onDrop(c.ci.addr, "sent too much before joining")
		_ = c.Close()
		return 0, net.ErrClosed
	}
	return n, err
}

func (c *guardedConn) Close() error {
	c.once.Do(func() {
		if t := c.timer.Load(); t != nil { // nil when it fires before it is stored
			t.Stop()
		}
		c.cs.mu.Lock()
		if c.cs.byAddr[c.ci.addr]--; c.cs.byAddr[c.ci.addr] <= 0 {
			delete(c.cs.byAddr, c.ci.addr)
		}
		c.cs.mu.Unlock()
	})
	return c.Conn.Close()
}
