package sshdoor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"time"

	charmlog "charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/ratelimiter"
	"charm.land/wish/v2/recover"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"studyguide/content"
	"studyguide/room"
	"studyguide/tui"
)

// Config is how a room is served over SSH.
type Config struct {
	// Listen is the address to listen on (":2222").
	Listen string
	// HostKey is the server's ed25519 key, made on the first run.
	HostKey string
	// FacilitatorKeys is an authorized_keys file whose keys drive a
	// headless room without the facilitator code; "" for none.
	FacilitatorKeys string
	// Log receives connections, disconnections and panics.
	Log io.Writer
	// LogNames puts in the log what clients say about themselves (user
	// names, keys, terminals) beside their addresses; see logSessions.
	LogNames bool
	// ConnRate and ConnBurst limit new sessions per address (wish's
	// ratelimiter); 0 means the defaults, generous enough for a room
	// behind one NAT address joining at once.
	ConnRate  rate.Limit
	ConnBurst int
	// IdleTimeout closes a connection that sent and received nothing for
	// this long; 0 means defaultIdle. A member who only watches still
	// receives frames, but a meeting has long quiet stretches.
	IdleTimeout time.Duration
	// SessionWait and JoinWait close a connection that opens no session,
	// and a session that takes no seat, this long after they start; 0
	// means sessionWait and joinWait.
	SessionWait, JoinWait time.Duration
}

const (
	defaultIdle      = 4 * time.Hour
	defaultConnRate  = 5 // sessions a second per address, after the burst
	defaultConnBurst = 60
)

// Server serves a room over SSH with wish: one Bubble Tea program per
// session, over the shared, read-only pack and deck.
type Server struct {
	pack     *content.Pack
	room     *room.Room
	deck     *tui.Deck
	info     tui.JoinInfo
	srv      *ssh.Server
	ln       net.Listener
	facKeys  []ssh.PublicKey
	log      *log.Logger
	logNames bool
	headless bool
	conns    *conns
	joinWait time.Duration

	mu     sync.Mutex
	driver *sessionState // the facilitator driving over SSH, nil for none
}

// New makes the host key if there is none yet and starts listening;
// Serve then takes connections.
func New(pack *content.Pack, r *room.Room, deck *tui.Deck, cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.ConnRate == 0 {
		cfg.ConnRate, cfg.ConnBurst = defaultConnRate, defaultConnBurst
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = defaultIdle
	}
	if cfg.SessionWait == 0 {
		cfg.SessionWait = sessionWait
	}
	if cfg.JoinWait == 0 {
		cfg.JoinWait = joinWait
	}
	s := &Server{pack: pack, room: r, deck: deck, log: log.New(cfg.Log, "", log.LstdFlags), logNames: cfg.LogNames,
		headless: r.FacilitatorCode() != ""}
	s.joinWait = cfg.JoinWait
	s.conns = newConns(r.MaxMembers()+spareConns, cfg.SessionWait, func(addr, why string) { s.log.Printf("%s dropped: %s", addr, why) })
	charmlog.SetOutput(cfg.Log) // wish's own messages (a program that ended on an error)
	if err := checkHostKey(cfg.HostKey); err != nil {
		return nil, err
	}
	if cfg.FacilitatorKeys != "" {
		keys, err := readAuthorizedKeys(cfg.FacilitatorKeys)
		if err != nil {
			return nil, err
		}
		s.facKeys = keys
	}
	accept := func(ssh.Context, string) bool { return true }
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKey),
		// Anyone may connect, with any key or none: the room code is the
		// door. A key, when given, is the member's seat on a reconnect.
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithPasswordAuth(accept),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMiddleware(recover.MiddlewareWithLogger(s.log,
			s.afterProgram,
			s.runPrograms,
			s.needTerminal,
			ratelimiter.Middleware(ratelimiter.NewRateLimiter(cfg.ConnRate, cfg.ConnBurst, 4096)),
			s.logSessions,
			s.limitSessions,
		)),
	)
	if err != nil {
		return nil, fmt.Errorf("the SSH server: %w", err)
	}
	srv.HandshakeTimeout = 30 * time.Second
	srv.ConnCallback = s.conns.accept
	s.srv = srv
	if len(srv.HostSigners) > 0 {
		s.info.Fingerprint = gossh.FingerprintSHA256(srv.HostSigners[0].PublicKey())
	}
	if s.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, err
	}
	s.info.Code = r.Code()
	s.info.Port = s.ln.Addr().(*net.TCPAddr).Port
	s.info.Hosts = JoinHosts(cfg.Listen)
	return s, nil
}

// Info is how members join: the hosts, the port, the code, the host
// key's fingerprint.
func (s *Server) Info() tui.JoinInfo { return s.info }

// Serve takes connections until Shutdown.
func (s *Server) Serve() error {
	if err := s.srv.Serve(s.ln); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown ends the room (every session is told and says goodbye), waits
// for the sessions to end until ctx is done, then closes what is left.
func (s *Server) Shutdown(ctx context.Context) {
	s.room.Close()
	if err := s.srv.Shutdown(ctx); err != nil {
		_ = s.srv.Close()
	}
}

// spell says a wait as people do: "5 minutes", "30 seconds".
func spell(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return fmt.Sprintf("%d seconds", (d+time.Second-1)/time.Second)
}

// refuse turns a session away with a line that fits its terminal.
func (s *Server) refuse(sess ssh.Session, text string) {
	pty, _, _ := sess.Pty()
	w, _ := clampSize(pty.Window.Width, pty.Window.Height)
	wish.Fatalln(sess, wrapLine(text, w))
}

// wrapLine wraps a line for a terminal w cells wide (80 when unknown),
// between words, with the terminal's line ends.
func wrapLine(text string, w int) string {
	if w <= 0 {
		w = 80
	}
	return ansi.Wordwrap(text, w, "")
}

// needTerminal turns away a session without a terminal (a command, or
// ssh -T) with one line on how to connect. wish's activeterm middleware
// does the same with a fixed message that does not say how.
func (s *Server) needTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			host := "HOST"
			if len(s.info.Hosts) > 0 {
				host = s.info.Hosts[0]
			}
			s.refuse(sess, "studyguide: the room needs a terminal: use "+strings.Replace(s.info.CommandFor(host), "ssh ", "ssh -t ", 1))
			return
		}
		next(sess)
	}
}

func (s *Server) isFacilitatorKey(pk ssh.PublicKey) bool {
	if pk == nil {
		return false
	}
	for _, k := range s.facKeys {
		if ssh.KeysEqual(pk, k) {
			return true
		}
	}
	return false
}
