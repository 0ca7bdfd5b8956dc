package dev.shipshape.portal.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shipshape.waivers.WebhookSignature;

/**
 * A webhook receiver on a local port that can go down and come back on the same port. It
 * acknowledges every delivery with 204 and notes its event id and whether its signature holds.
 */
final class WebhookReceiver {

	static final String SECRET = "ops-webhook-secret";

	final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private HttpServer server;

	private int port;

	private WebhookReceiver() {
	}

	/** Starts on a free port. */
	static WebhookReceiver start() {
		WebhookReceiver receiver = new WebhookReceiver();
		receiver.listen(0);
		return receiver;
	}

	String url() {
		return "http://localhost:" + this.port + "/hooks";
	}

	synchronized void restart() {
		listen(this.port);
	}

	synchronized void stop() {
		this.server.stop(0);
	}

	/** How many times each event arrived. */
	Map<String, Long> deliveriesPerEvent() {
		return this.received.stream().collect(Collectors.groupingBy(Received::eventId, Collectors.counting()));
	}

	private void listen(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hooks", this::handle);
		this.server.start();
		this.port = this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
		this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Shipshape-Event-Id"),
				WebhookSignature.verify(SECRET, body, signature)));
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/** One delivery that reached the receiver. */
	record Received(String eventId, boolean signed) {
	}
}
