package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.ndfilters.core.FilterMonitor;

/**
 * One part of a job reports its progress as progress of the whole job and
 * passes everything else on unchanged.
 */
class ShareOfWorkTest
{
	@Test
	void progressOfAPartIsProgressOfTheWhole()
	{
		final List< Object > seen = new ArrayList<>();
		final FilterMonitor whole = new FilterMonitor()
		{
			@Override
			public void progress( final double fraction )
			{
				seen.add( fraction );
			}

			@Override
			public boolean isCanceled()
			{
				return true;
			}

			@Override
			public void warn( final String message )
			{
				seen.add( message );
			}

			@Override
			public void floatRowStored( final float[] values, final int from, final int length )
			{
				seen.add( from + length );
			}
		};
		// Worked by hand: part 1 of 4 spans 0.25 to 0.5, so half of it is 0.375.
		final ShareOfWork second = new ShareOfWork( whole, 1, 4 );
		second.progress( 0 );
		second.progress( 0.5 );
		second.progress( 1 );
		second.warn( "note" );
		second.floatRowStored( new float[ 8 ], 3, 5 );
		assertTrue( second.isCanceled() );
		assertEquals( List.of( 0.25, 0.375, 0.5, "note", 8 ), seen );
	}
}
