package sshdoor

import (
	"fmt"
	"io"
	"time"
)

// What one client may cost the server. A room is open to anyone who can
// reach the port, code or not: these bound what they can make it hold.
const (
	// maxCols and maxRows are the largest terminal a session is laid out
	// for, whatever size its client claims (a 65535x65535 pty asked for a
	// renderer buffer of 4 GB cells).
	maxCols, maxRows = 500, 200
	// maxInputBeforeJoin is what a session may type before it has a seat
	// (a code and a name, with the terminal's replies to its queries).
	maxInputBeforeJoin = 4 << 10
	// maxConnBeforeJoin is what a connection may send before one of its
	// sessions has a seat: the SSH handshake, environment variables and
	// window changes included, and above all what a session's channel
	// holds (2 MB) before its guard reads it and says why it closes.
	maxConnBeforeJoin = 4 << 20
	// maxPaste is the longest paste a session may send at any time.
	maxPaste = 16 << 10
	// maxSequence is the longest escape sequence (or the string in an
	// OSC, DCS, APC, PM or SOS one) a session may send: a sequence that
	// never ends would otherwise be buffered and scanned again and again.
	maxSequence = 4 << 10
	// sessionWait closes a connection that has opened no session this
	// long after connecting (the handshake included, which may take up to
	// the server's HandshakeTimeout); joinWait closes a session that has
	// not taken a seat (or the driver's) this long after opening.
	sessionWait = 40 * time.Second
	joinWait    = 5 * time.Minute
	// maxSessionsPerConn is how many sessions one connection may hold at
	// once (ssh's connection sharing opens more than one).
	maxSessionsPerConn = 2
	// spareConns is how many connections an address may hold beyond a
	// full room's: a room behind one NAT address joins at once, reconnects
	// overlap the connections they replace.
	spareConns = 10
)

// clampSize is a terminal's size as the server lays it out: no larger
// than a real terminal.
func clampSize(w, h int) (int, int) {
	return min(max(w, 0), maxCols), min(max(h, 0), maxRows)
}

// joinCols and joinRows bound the size the join screen is laid out at,
// before a session has a seat: a screen's buffers cost about 200 bytes a
// cell, and anyone who reaches the port gets a join screen.
const joinCols, joinRows = 200, 60

// joinSize is the size the join screen is laid out at on a w×h terminal.
func joinSize(w, h int) (int, int) {
	w, h = clampSize(w, h)
	return min(w, joinCols), min(h, joinRows)
}

// Why a session's input ended early; each is said to the client in one
// line before the session closes.
var (
	errInputBeforeJoin = guardError("too much input before joining the room")
	errPasteTooLong    = guardError(fmt.Sprintf("a paste longer than %d KB", maxPaste>>10))
	errSequenceTooLong = guardError("an escape sequence too long to be a key")
)

// guardError is an input limit broken.
type guardError string

func (e guardError) Error() string { return string(e) }

// inputGuard reads a session's input for its program and stops it at the
// first of the limits above. It follows the bytes as a terminal sends
// them: escape sequences, which end at a final byte (CSI) or a terminator
// (strings), and bracketed pastes (ESC [ 200 ~ … ESC [ 201 ~).
type inputGuard struct {
	r      io.Reader
	joined func() bool // whether the session has a seat

	before  int // bytes read before joining
	state   guardState
	seq     int    // bytes of the sequence under way
	params  []byte // a CSI sequence's parameters, up to a few
	pasting bool
	pasted  int // bytes of the paste under way
}

type guardState int

const (
	plainText guardState = iota
	afterEsc             // an ESC, not yet known what follows
	inCSI                // ESC [ …, until a final byte
	inString             // ESC ] / P / _ / ^ / X …, until BEL or ESC \
	stringEsc            // an ESC inside a string: \ ends it
)

func (g *inputGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if n > 0 {
		if gerr := g.check(p[:n]); gerr != nil {
			return 0, gerr
		}
	}
	return n, err
}

// check follows the bytes just read.
func (g *inputGuard) check(b []byte) error {
	if !g.joined() {
		if g.before += len(b); g.before > maxInputBeforeJoin {
			return errInputBeforeJoin
		}
	}
	for _, c := range b {
		if err := g.step(c); err != nil {
			return err
		}
	}
	return nil
}

// step follows one byte.
func (g *inputGuard) step(c byte) error {
	if g.pasting {
		if g.pasted++; g.pasted > maxPaste {
			return errPasteTooLong
		}
	}
	switch g.state {
	case plainText:
		if c == 0x1b {
			g.state, g.seq = afterEsc, 1
		}
		return nil
	case afterEsc:
		switch c {
		case 0x1b: // alt+esc, or a lone esc before another sequence
		case '[':
			g.state, g.params = inCSI, g.params[:0]
		case ']', 'P', '_', '^', 'X':
			g.state = inString
		default:
			g.state = plainText
		}
	case inCSI:
		if c >= 0x40 && c <= 0x7e {
			g.endCSI(c)
			return nil
		}
		if len(g.params) < 8 {
			g.params = append(g.params, c)
		}
	case inString:
		switch c {
		case 0x07:
			g.state = plainText
			return nil
		case 0x1b:
			g.state = stringEsc
		}
	case stringEsc:
		if c == '\\' {
			g.state = plainText
			return nil
		}
		g.state = inString
	}
	if g.seq++; g.seq > maxSequence {
		return errSequenceTooLong
	}
	return nil
}

// endCSI ends a CSI sequence at its final byte: a paste's start or end
// marker starts or ends the count of its bytes.
func (g *inputGuard) endCSI(final byte) {
	g.state = plainText
	if final != '~' {
		return
	}
	switch string(g.params) {
	case "200":
		g.pasting, g.pasted = true, 0
	case "201":
		g.pasting = false
	}
}
