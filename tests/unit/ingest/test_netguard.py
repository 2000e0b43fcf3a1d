"""The SSRF guard's address classification and URL checks."""

from __future__ import annotations

import ipaddress

import pytest

from ingest.netguard import BlockedAddress, check_url, is_public


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_loopback_private_link_local_and_mapped_addresses_are_not_public(address):
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "8.8.8.8"])
def test_global_unicast_addresses_are_public(address):
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1/", "http://localhost:5432/", "http://[::1]/x", "http://169.254.169.254/latest/meta-data"]
)
def test_urls_toward_this_machine_or_its_network_are_refused_by_default(url):
    with pytest.raises(BlockedAddress, match="non-public address"):
        check_url(url, allow_private=False)
    assert check_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "http:///nohost"])
def test_non_http_urls_are_refused(url):
    with pytest.raises(BlockedAddress, match="not an http"):
        check_url(url, allow_private=True)
