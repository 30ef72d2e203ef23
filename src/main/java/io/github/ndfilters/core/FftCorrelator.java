package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import io.github.ndfilters.core.TilePlan.Spectrum;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Correlation through the Fourier domain, tile by tile (overlap-save), with
 * {@code float} transforms ({@link TileTransform}). {@link FftTiling} chooses
 * the tiles' transform sizes per kernel and image for the least estimated
 * time, with a smaller size for the last tile along an axis.
 * <p>
 * Each output tile reads its extended input, exactly the block the direct
 * path would read, so every boundary mode and output size is honoured. On a
 * block of FFT size {@code N} per axis, circular correlation with the
 * zero-padded kernel equals the linear one at the first {@code N - k + 1}
 * positions, which are the tile's outputs. Two tiles share one complex
 * transform, one in the real and one in the imaginary part: the kernel is
 * real, so the two results come back apart. Tiles run in parallel and memory
 * stays bounded by the tile size, whatever the image size.
 * </p>
 * <p>
 * A tile whose input holds a NaN or an infinity is computed by the direct
 * path instead, so it gives the direct path's answer. Transforms cover the
 * axes on which the kernel is longer than 1; the others are walked one
 * position at a time.
 * </p>
 * <p>
 * Precision: each tile and the kernel are scaled by a power of two so that
 * their largest magnitude lies in [1, 2) before they are transformed, which
 * keeps every sample of float's range usable, and the scaling is undone
 * exactly at the end. The rounding of a float transform grows with the
 * logarithm of the tile's size and with the tile's whole energy rather than
 * one window's; on tiles of 80x80x80, 384x384 and 512x512 the worst error
 * measured was below 1e-7 x scale, two orders of magnitude inside the
 * promised 1e-5 (see FftPrecisionTest), so double transforms would cost time
 * for nothing a user could see. The bound fails where an output's own sum of
 * |input| x |weight| is far below its tile's: a very bright sample met only
 * by zero weights (at the border of a {@code VALID} result, 8e-4 of the scale
 * was measured), or zero edges along an axis shorter than the kernel, where
 * the exact answer is 0 and the transform leaves rounding noise. Telling
 * those tiles apart would cost a direct sum per tile; the direct path
 * answers them exactly.
 * </p>
 */
final class FftCorrelator
{
	private FftCorrelator()
	{}

	/** @return whether this path can take the kernel (at most 3 axes longer than 1) */
	static boolean supports( final Kernel kernel )
	{
		final int axes = FftTiling.transformedAxes( kernel ).length;
		return axes >= 1 && axes <= 3;
	}

	/**
	 * See {@link DirectCorrelator#correlate}.
	 *
	 * @param tiling
	 *            the tiles of {@code target} for {@code kernel}
	 *            ({@link FftTiling#of})
	 */
	static void correlate( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift,
			final FftTiling tiling, final FilterMonitor monitor )
	{
		final List< List< Interval > > tilesByShape = tiling.tilesByShape();
		final TilePlan[] plans = new TilePlan[ tiling.shapes() ];
		final List< Integer > shapes = new ArrayList<>();
		long largest = 0;
		for ( int shape = 0; shape < plans.length; shape++ )
			if ( !tilesByShape.get( shape ).isEmpty() )
			{
				plans[ shape ] = tiling.plan( shape );
				shapes.add( shape );
				largest = Math.max( largest, plans[ shape ].samples );
			}
		// NB: the largest transforms go first, so that the small ones fill the last gaps.
		shapes.sort( ( a, b ) -> Integer.compare( plans[ b ].samples, plans[ a ].samples ) );
		final List< Pair > pairs = new ArrayList<>();
		for ( final int shape : shapes )
		{
			final List< Interval > tiles = tilesByShape.get( shape );
			for ( int i = 0; i < tiles.size(); i += 2 )
				pairs.add( new Pair( shape, tiles.get( i ), i + 1 < tiles.size() ? tiles.get( i
						+ 1 ) : null ) );
		}
		final List< FutureTask< Spectrum > > spectra = new ArrayList<>();
		for ( final TilePlan plan : plans )
			spectra.add( plan == null ? null : new FutureTask<>( () -> plan.kernelSpectrum(
					kernel ) ) );
		// NB: a pool local to this call, so the buffers go when the call ends.
		final Queue< Workspace > idle = new ConcurrentLinkedQueue<>();
		final int bufferLength = ( int ) ( 2 * largest );
		Slabs.run( pairs, monitor, pair -> {
			// NB: the first task of a shape transforms the kernel; the others meanwhile
			// transform their tiles, and wait only when they need the spectrum.
			final FutureTask< Spectrum > spectrum = spectra.get( pair.shape );
			spectrum.run();
			final Workspace free = idle.poll();
			final Workspace workspace = free != null ? free : new Workspace( bufferLength,
					plans.length );
			final boolean done = correlatePair( source, boundary, kernel, target, shift,
					plans[ pair.shape ], spectrum, workspace.transform( pair.shape,
							plans[ pair.shape ] ), pair.a, pair.b, monitor );
			idle.add( workspace );
			return done;
		} );
	}

	/** @return the spectrum, once the thread that transforms it has finished */
	private static Spectrum await( final FutureTask< Spectrum > spectrum )
	{
		try
		{
			return spectrum.get();
		}
		catch ( final InterruptedException e )
		{
			Thread.currentThread().interrupt();
			throw new CancellationException( "The filter was interrupted." );
		}
		catch ( final ExecutionException e )
		{
			final Throwable cause = e.getCause();
			if ( cause instanceof RuntimeException )
				throw ( RuntimeException ) cause;
			if ( cause instanceof Error )
				throw ( Error ) cause;
			throw new IllegalStateException( cause );
		}
	}

	private static boolean correlatePair(
			final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift,
			final TilePlan plan, final FutureTask< Spectrum > kernelSpectrum,
			final TileTransform transform,
			final Interval a, final Interval b, final FilterMonitor monitor )
	{
		final float[] buffer = transform.buffer;
		final PaddedBlock blockA = DirectCorrelator.readBlock( source, boundary, kernel, shift,
				a );
		final PaddedBlock blockB = b == null ? null
				: DirectCorrelator.readBlock( source, boundary, kernel, shift, b );
		final boolean directA = blockA.hasNonFinite;
		final boolean directB = blockB != null && blockB.hasNonFinite;
		if ( directA && !DirectCorrelator.correlateSlab( source, boundary, kernel, target, shift,
				a, monitor ) )
			return false;
		if ( directB && !DirectCorrelator.correlateSlab( source, boundary, kernel, target, shift,
				b, monitor ) )
			return false;
		final PaddedBlock re = directA ? null : blockA;
		final PaddedBlock im = directB ? null : blockB;
		if ( re == null && im == null )
			return true;

		// NB: two blocks that fill the tile overwrite every sample, so only edge tiles need zeros.
		final int length = 2 * plan.samples;
		if ( !plan.fills( re ) || !plan.fills( im ) )
			Arrays.fill( buffer, 0, length, 0f );
		final int exponentA = plan.load( re, buffer, 0 );
		final int exponentB = plan.load( im, buffer, 1 );
		transform.forward();
		final Spectrum spectrum = await( kernelSpectrum );
		final float[] k = spectrum.values;
		for ( int i = 0; i < length; i += 2 )
		{
			// times the conjugate of the kernel's spectrum: correlation, not convolution
			final float xr = buffer[ i ], xi = buffer[ i + 1 ];
			final float kr = k[ i ], ki = k[ i + 1 ];
			buffer[ i ] = xr * kr + xi * ki;
			buffer[ i + 1 ] = xi * kr - xr * ki;
		}
		transform.inverse( plan.outputs );
		if ( re != null && !store( plan, buffer, 0, exponentA + spectrum.exponent, a, target,
				monitor ) )
			return false;
		return im == null || store( plan, buffer, 1, exponentB + spectrum.exponent, b, target,
				monitor );
	}

	private static boolean store( final TilePlan plan, final float[] buffer, final int part,
			final int exponent, final Interval tile,
			final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final FilterMonitor monitor )
	{
		return plan.store( buffer, part, exponent, tile, new TargetRows( target, tile
				.minAsLongArray(), monitor ), monitor );
	}

	/** Two tiles of one shape that share a transform; the second may be missing. */
	private static final class Pair
	{
		final int shape;

		final Interval a, b;

		Pair( final int shape, final Interval a, final Interval b )
		{
			this.shape = shape;
			this.a = a;
			this.b = b;
		}
	}

	/**
	 * One thread's buffer, large enough for the largest shape, and a transform
	 * per shape that works in it.
	 */
	private static final class Workspace
	{
		private final float[] buffer;

		private final TileTransform[] transforms;

		Workspace( final int bufferLength, final int shapes )
		{
			buffer = new float[ bufferLength ];
			transforms = new TileTransform[ shapes ];
		}

		TileTransform transform( final int shape, final TilePlan plan )
		{
			if ( transforms[ shape ] == null )
				transforms[ shape ] = new TileTransform( plan.size, buffer );
			return transforms[ shape ];
		}
	}
}
