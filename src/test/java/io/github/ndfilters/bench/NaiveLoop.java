package io.github.ndfilters.bench;

import io.github.ndfilters.core.Kernel;

/**
 * The simplest direct convolution: for each output pixel, a loop over the
 * taps with edge replication by clamping, in one thread. It is the benchmark's
 * floor for what the project's engineering buys. Long cases are timed on
 * their first planes and scaled to the whole image.
 */
final class NaiveLoop
{
	/** Multiply-adds timed per measurement; the rest is extrapolated. */
	private static final double BUDGET = 4e8;

	private NaiveLoop()
	{}

	/** @return seconds to convolve the whole image (of up to 3 axes) */
	static double secondsPerImage( final float[] in, final long[] dims, final Kernel kernel )
	{
		final int w = ( int ) dims[ 0 ];
		final int h = dims.length > 1 ? ( int ) dims[ 1 ] : 1;
		final int depth = dims.length > 2 ? ( int ) dims[ 2 ] : 1;
		final Kernel k = kernel.withDimensions( 3 );
		final int kw = k.dimension( 0 ), kh = k.dimension( 1 ), kd = k.dimension( 2 );
		final double[] weights = k.weights();
		final float[] wf = new float[ weights.length ];
		for ( int i = 0; i < wf.length; i++ )
			wf[ i ] = ( float ) weights[ i ];
		final long rowCost = ( long ) w * weights.length;
		final int rows = ( int ) Math.max( 1, Math.min( ( long ) h * depth, BUDGET / rowCost ) );
		final float[] out = new float[ w ];
		double best = Double.MAX_VALUE;
		for ( int rep = 0; rep < 2; rep++ )
		{
			final long start = System.nanoTime();
			for ( int r = 0; r < rows; r++ )
			{
				final int y = r % h, z = r / h;
				for ( int x = 0; x < w; x++ )
				{
					float sum = 0;
					int t = 0;
					for ( int c = 0; c < kd; c++ )
						for ( int b = 0; b < kh; b++ )
							for ( int a = 0; a < kw; a++ )
							{
								final int sx = clamp( x - a + kw / 2, w );
								final int sy = clamp( y - b + kh / 2, h );
								final int sz = clamp( z - c + kd / 2, depth );
								sum += wf[ t++ ] * in[ ( sz * h + sy ) * w + sx ];
							}
					out[ x ] = sum;
				}
			}
			best = Math.min( best, ( System.nanoTime() - start ) * 1e-9 );
		}
		return best * ( ( double ) h * depth / rows );
	}

	private static int clamp( final int p, final int n )
	{
		return p < 0 ? 0 : p >= n ? n - 1 : p;
	}
}
