package sshdoor

import (
	"fmt"
	"strings"
	"time"

	"charm.land/ssh"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"studyguide/room"
)

// maxLogField is the most cells a client's text takes in the log.
const maxLogField = 64

// logField makes a text a client sent (a user name, TERM, a command) safe
// for the log and the operator's terminal: no escape sequences or control
// characters, one line, capped, quoted so an empty or spaced one reads as
// one field.
func logField(s string) string {
	s = room.CleanText(s)
	if ansi.StringWidth(s) > maxLogField {
		s = ansi.Truncate(s, maxLogField-1, "") + "…"
	}
	return fmt.Sprintf("%q", s)
}

// cleanTerm is the TERM a session's programs are given: a client's TERM
// when it looks like one ("xterm-256color"), else xterm-256color.
func cleanTerm(term string) string {
	ok := term != "" && len(term) <= 64
	for _, c := range term {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._+-", c)) {
			ok = false
		}
	}
	if !ok {
		return "xterm-256color"
	}
	return term
}

// logSessions logs each session: its address when it opens, and how long
// it stayed when it ends. With names (serve --log FILE) it also logs what
// the client sent about itself (user name, TERM, command, key, terminal
// size), cleaned by logField; without, nothing in the log ties a person to
// an address.
func (s *Server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		addr := sess.RemoteAddr().String()
		if s.logNames {
			pty, _, _ := sess.Pty()
			key := "no key"
			if pk := sess.PublicKey(); pk != nil {
				key = "key " + gossh.FingerprintSHA256(pk)
			}
			w, h := clampSize(pty.Window.Width, pty.Window.Height)
			s.log.Printf("%s connected: user %s, TERM %s, command %s, %s, %dx%d", addr, logField(sess.User()),
				logField(pty.Term), logField(strings.Join(sess.Command(), " ")), key, w, h)
		} else {
			s.log.Printf("%s connected", addr)
		}
		next(sess)
		s.log.Printf("%s left after %s", addr, time.Since(start).Round(time.Second))
	}
}

// limitSessions holds a connection to maxSessionsPerConn sessions at once,
// and marks it as having opened one (see conns.accept).
func (s *Server) limitSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ci := infoOf(sess.Context())
		if ci == nil {
			next(sess)
			return
		}
		ci.opened.Store(true)
		if ci.sessions.Add(1) > maxSessionsPerConn {
			ci.sessions.Add(-1)
			s.refuse(sess, fmt.Sprintf("studyguide: at most %d sessions on one connection.", maxSessionsPerConn))
			return
		}
		defer ci.sessions.Add(-1)
		next(sess)
	}
}
