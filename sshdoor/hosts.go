package sshdoor

import "net"

// JoinHosts are the addresses members can reach a server listening on
// listen at: that host when it is one, else the machine's LAN addresses
// (IPv4 first), else localhost.
func JoinHosts(listen string) []string {
	host, _, err := net.SplitHostPort(listen)
	if err == nil && host != "" {
		if ip := net.ParseIP(host); ip == nil || !ip.IsUnspecified() {
			return []string{host}
		}
	}
	addrs, _ := net.InterfaceAddrs()
	var v4, v6 []string
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() || ipn.IP.IsMulticast() {
			continue
		}
		if ipn.IP.To4() != nil {
			v4 = append(v4, ipn.IP.String())
		} else if ipn.IP.IsGlobalUnicast() {
			v6 = append(v6, ipn.IP.String())
		}
	}
	if hosts := append(v4, v6...); len(hosts) > 0 {
		return hosts
	}
	return []string{"localhost"}
}
