package sshdoor

import (
	"errors"
	"io"
	"slices"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	uv "github.com/charmbracelet/ultraviolet"
)

// A session's keys reach its program through a pump of our own rather than
// Bubble Tea's input reader. Bubble Tea's reader hands each event to the
// program with a send that never gives up: a key that arrives as the
// program quits (or an escape sequence cut short by the disconnect) leaves
// that goroutine, and the whole program with it, stuck for the life of the
// server. The pump parses the same way (ultraviolet's terminal reader) and
// sends with Program.Send, which returns once the program has ended, so it
// always drains and ends with the session.

// Frame rates of a session's programs: Bubble Tea writes a program's frame
// on a ticker, so a change waits for the next tick.
const (
	// memberFPS: 30 frames a second is plenty for reading, and halves what
	// a hundred idle programs' render tickers cost (about 8% of a core at
	// the default 60).
	memberFPS = 30
	// driverFPS is the projected screen's: a vote waits at most 8 ms for
	// the count to be drawn, not 33, and there is one such program (the
	// guide's own frame rate).
	driverFPS = 120
)

// programOptions are wish's options for a session's program, without a
// signal handler, at fps frames a second, with the input replaced: Bubble
// Tea gets a quiet input (so its terminal queries, the background colour
// among them, are still sent) that ends when the program quits, and
// pumpInput delivers the session's keys.
//
// base is wish's options for the session (bubbletea.MakeOptions), made once
// when the session starts: they read the session's pty, which charm.land/ssh
// writes without a lock on every window change.
func programOptions(base []tea.ProgramOption, fps int) ([]tea.ProgramOption, *quietInput) {
	q := &quietInput{done: make(chan struct{})}
	opts := append(slices.Clip(base),
		// The server's own signals (ctrl+c, SIGTERM) are the server's to
		// handle: it closes the room, and every session says goodbye.
		tea.WithoutSignalHandler(),
		tea.WithFPS(fps),
		tea.WithInput(q),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			switch msg.(type) {
			case tea.SuspendMsg:
				return tea.ResumeMsg{} // ctrl+z suspends nothing on the server
			case tea.QuitMsg:
				q.end()
			}
			return msg
		}))
	return opts, q
}

// pumpInput parses the session's input into events for the session's
// program of the moment until the session's input ends, held to the
// limits of an inputGuard. It returns the guard's error when the input
// broke a limit, else nil.
func pumpInput(sess ssh.Session, term string, st *sessionState) error {
	events := make(chan uv.Event)
	guard := &inputGuard{r: sess, joined: st.joined.Load}
	var err error
	go func() {
		defer close(events)
		err = uv.NewTerminalReader(guard, term).StreamEvents(sess.Context(), events)
	}()
	for ev := range events {
		st.Send(ev)
	}
	var limit guardError
	if errors.As(err, &limit) {
		return err
	}
	return nil
}

// quietInput is the program's own input: nothing, until end, then EOF.
type quietInput struct {
	done chan struct{}
	once sync.Once
}

func (q *quietInput) Read([]byte) (int, error) {
	<-q.done
	return 0, io.EOF
}

func (q *quietInput) end() { q.once.Do(func() { close(q.done) }) }
