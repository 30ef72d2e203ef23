package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;

/**
 * With normalisation on, the kernel is divided by its sum; a kernel summing
 * to zero is used as it is and the monitor is told once per run.
 */
class NormalisationTest
{
	private static final long[] DIMS = { 8, 7 };

	private static final int[] KERNEL_DIMS = { 3, 2 };

	private final Random random = new Random( 23 );

	private final double[] input = random.doubles( 56, -5, 5 ).toArray();

	@Test
	void kernelIsDividedByItsSum()
	{
		for ( final double[] w : new double[][] { { 1, 2, 3, 4, 5, 6 }, { -1, -2, 0.5, 1, -3, 2 },
				{ 0, 0, 0, 0, 1e-3, 0 } } )
		{
			final double sum = Arrays.stream( w ).sum();
			final double[] divided = Arrays.stream( w ).map( v -> v / sum ).toArray();
			for ( final Operation op : Operation.values() )
			{
				final List< String > warnings = new ArrayList<>();
				final double[] out = run( op, w, warnings );
				assertMatches( op, divided, out, "kernel " + Arrays.toString( w ) );
				assertEquals( List.of(), warnings, "no warning for a kernel that sums to " + sum );
			}
		}
	}

	/**
	 * Decimal weights that cancel, such as 0.1 + 0.2 - 0.3, leave a sum of
	 * about 1e-17 in binary; that is zero, not a factor of 1e16.
	 */
	@Test
	void zeroSumKernelIsUsedAsItIsWithOneWarning()
	{
		for ( final double[] w : new double[][] { { -1, 0, 1, -2, 0, 2 },
				{ 0.1, 0.2, -0.3, -0.7, 0.4, 0.3 } } )
			for ( final Operation op : Operation.values() )
			{
				final List< String > warnings = new ArrayList<>();
				final double[] out = run( op, w, warnings );
				assertMatches( op, w, out, "zero-sum kernel " + Arrays.toString( w ) );
				assertEquals( 1, warnings.size(), "one warning per run: " + warnings );
				assertTrue( warnings.get( 0 ).contains( "sums to zero" ), warnings.get( 0 ) );
			}
	}

	@Test
	void normalisationIsOffByDefault()
	{
		final double[] w = { 1, 2, 3, 4, 5, 6 };
		final double[] out = TestImages.values( LinearFilter.correlate( Kernel.of( w,
				KERNEL_DIMS ) ).applyAsDouble( ArrayImgs.doubles( input.clone(), DIMS ) ) );
		assertMatches( Operation.CORRELATE, w, out, "without normalisation" );
	}

	private double[] run( final Operation op, final double[] w, final List< String > warnings )
	{
		final FilterMonitor monitor = new FilterMonitor()
		{
			@Override
			public void warn( final String message )
			{
				synchronized ( warnings )
				{
					warnings.add( message );
				}
			}
		};
		return TestImages.values( LinearFilter.of( op, Kernel.of( w, KERNEL_DIMS ) )
				.normalize( true ).monitor( monitor )
				.applyAsDouble( ArrayImgs.doubles( input.clone(), DIMS ) ) );
	}

	private void assertMatches( final Operation op, final double[] w, final double[] out,
			final String what )
	{
		final int[] centre = { 1, 1 };
		final Boundary[] modes = { Boundary.SYMMETRIC, Boundary.SYMMETRIC };
		final boolean convolve = op == Operation.CONVOLVE;
		final double[] ref = BruteForce.filter( input, DIMS, w, KERNEL_DIMS, centre, modes, 0,
				convolve, OutputSize.SAME ).values;
		final double scale = TestImages.max( BruteForce.filter(
				TestImages.finiteMagnitudes( input ), DIMS, TestImages.finiteMagnitudes( w ),
				KERNEL_DIMS, centre, modes, 0, convolve, OutputSize.SAME ).values );
		assertNull( TestImages.compareFloat( ref, out, 1e-5 * scale ), what + " " + op );
	}
}
