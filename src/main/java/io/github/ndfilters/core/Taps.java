package io.github.ndfilters.core;

/**
 * The kernel as a list of (weight, offset) pairs for a block with given
 * strides: the offset of tap {@code k} is {@code sum of k[d] * stride[d]}.
 * Zero weights are dropped unless they must multiply a NaN or an infinity.
 */
final class Taps
{
	final int count;

	final double[] weights;

	final int[] offsets;

	private Taps( final int count, final double[] weights, final int[] offsets )
	{
		this.count = count;
		this.weights = weights;
		this.offsets = offsets;
	}

	static Taps of( final Kernel kernel, final int[] strides, final boolean keepZeros )
	{
		final int n = strides.length;
		final double[] weights = new double[ kernel.size() ];
		final int[] offsets = new int[ kernel.size() ];
		final int[] k = new int[ n ];
		int count = 0;
		for ( int i = 0; i < kernel.size(); i++ )
		{
			final double w = kernel.weight( i );
			if ( w != 0 || keepZeros )
			{
				int offset = 0;
				for ( int d = 0; d < n; d++ )
					offset += k[ d ] * strides[ d ];
				weights[ count ] = w;
				offsets[ count ] = offset;
				count++;
			}
			for ( int d = 0; d < n; d++ )
			{
				if ( ++k[ d ] < kernel.dimension( d ) )
					break;
				k[ d ] = 0;
			}
		}
		return new Taps( count, weights, offsets );
	}
}
