package webdoor

import (
	"crypto/hmac"
	"net/http"
	"net/url"
	"strings"
	"time"

	"studyguide/room"
)

// events streams a member's page as it changes (server-sent events): each
// event is the page's live part, drawn afresh. A slow page gets the latest
// view when it catches up, never a queue of old ones; the room never waits
// on it.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	m := s.memberOf(r)
	if m == nil {
		http.Error(w, "You are not in the room on this browser: join first.", http.StatusForbidden)
		return
	}
	host := room.AddressOf(r.RemoteAddr)
	if !s.openStream(host) {
		http.Error(w, "Too many pages follow the room from this network.", http.StatusTooManyRequests)
		return
	}
	defer s.closeStream(host)
	changes, stop, ok := s.follow(m)
	if !ok {
		http.Error(w, "Too many of your pages follow the room; close one.", http.StatusTooManyRequests)
		return
	}
	defer stop()
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		var event, data string
		select {
		case <-r.Context().Done():
			return
		case <-beat.C:
			event = ": still here\n\n"
		case <-changes:
			m.mu.Lock()
			calm := time.Until(m.calm)
			m.mu.Unlock()
			if calm > 0 { // just voted: the room's count first
				time.Sleep(calm)
			}
			conn, exit := s.connect(m)
			if exit != room.Staying { // the goodbye, drawn here: the server may be gone by a reload
				bye, err := s.pages.fragment("goodbye-body", s.goodbyeView(m, conn, exit))
				if err != nil {
					return
				}
				event = sseData("end", bye)
				break
			}
			frag, err := s.pages.fragment("live", s.roomView(m, conn, ""))
			if err != nil {
				return
			}
			data = frag
			event = sseData("view", data)
		}
		_ = rc.SetWriteDeadline(time.Now().Add(writeWait))
		if _, err := w.Write([]byte(event)); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
		if strings.HasPrefix(event, "event: end") {
			return
		}
	}
}

// sseData is an event with its data, each line of it prefixed as the
// protocol asks.
func sseData(name, data string) string {
	var b strings.Builder
	b.WriteString("event: " + name + "\n")
	for _, l := range strings.Split(data, "\n") {
		b.WriteString("data: " + strings.TrimSuffix(l, "\r") + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// openStream counts an event stream against its address; false when the
// address holds a full room's worth already.
func (s *Server) openStream(host string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.streams[host] >= s.room.MaxMembers()+spareStreams {
		return false
	}
	s.streams[host]++
	return true
}

func (s *Server) closeStream(host string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.streams[host]--; s.streams[host] <= 0 {
		delete(s.streams, host)
	}
}

// hmacEqual compares tokens in constant time.
func hmacEqual(a, b string) bool { return hmac.Equal([]byte(a), []byte(b)) }

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
