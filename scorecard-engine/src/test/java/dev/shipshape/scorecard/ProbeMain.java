package dev.shipshape.scorecard;

import java.util.ArrayList;
import java.util.List;

public class ProbeMain {

	public static void main(String[] args) throws Exception {
		CompiledScorecard compiled = Fixtures.COMPILER.compile(ReferenceScorecards.productionReadiness());
		Subject subject = Fixtures.subject();
		for (int threads : new int[] { 1, 2, 8, 1, 2, 8 }) {
			List<Thread> list = new ArrayList<>();
			long t0 = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				Thread thread = new Thread(() -> {
					for (int i = 0; i < 4000; i++) compiled.evaluate(subject, List.of(), Fixtures.NOW);
				});
				thread.start();
				list.add(thread);
			}
			for (Thread thread : list) thread.join();
			double s = (System.nanoTime() - t0) / 1e9;
			System.out.printf("%d threads: %.0f evaluations/s%n", threads, threads * 4000 / s);
		}
	}

}
